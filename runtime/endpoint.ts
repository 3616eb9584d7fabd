import { QUERY_PARAMETERS } from '../generated/index.js';

/** The query values that are not fixed by the spec. */
export type QueryValues = {
  readonly guildedClientId: string;
  readonly teamId?: string | undefined;
  readonly deviceType?: string | undefined;
};

/**
 * The WebSocket URL: the endpoint plus the spec's query parameters (spec/connection.yaml `query`) in the
 * spec's order. Fixed values come from the spec; the others from `values`.
 */
export function gatewayUrl(endpoint: string, values: QueryValues): string {
  const url = new URL(endpoint);
  const given: Readonly<Record<string, string | undefined>> = values;
  for (const parameter of QUERY_PARAMETERS) {
    const value = 'value' in parameter ? parameter.value : given[parameter.name];
    if (value !== undefined) url.searchParams.append(parameter.name, value);
    else if (parameter.required) {
      // Only a spec that gained a required parameter the runtime does not know can get here.
      throw new Error(`query parameter ${parameter.name} is required by the spec but has no value; no url was built`);
    }
  }
  return url.href;
}
