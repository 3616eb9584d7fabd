/**
 * The one rule for a recorded WebSocket opcode, in a HAR and in a JSON line alike (a JSON line may be
 * a HAR message copied out by jq). Text (1, or no opcode recorded) is the frame as written. Binary (2)
 * is recorded as base64 and becomes its bytes: the consumer says what a binary frame means to it (for
 * validate, an invalid frame: the gateway speaks text only). Any other opcode is a control frame or a
 * tool's note (Chrome records protocol errors), not gateway traffic: it is no record.
 */

const TEXT_OPCODE = 1;
const BINARY_OPCODE = 2;

/** Whether a message with this recorded opcode is gateway traffic: text, binary, or no opcode recorded. */
export function isMessageOpcode(opcode: unknown): boolean {
  return opcode === undefined || opcode === TEXT_OPCODE || opcode === BINARY_OPCODE;
}

/** A message's frame: its text as recorded, or the bytes of a binary message's base64. */
export function messageData(opcode: unknown, data: string): string | Uint8Array {
  return opcode === BINARY_OPCODE ? Buffer.from(data, 'base64') : data;
}
