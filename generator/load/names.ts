/**
 * TypeScript names for spec entries. Names come from spec keys, never from `title`,
 * so that renaming a description can never rename a type.
 */

/** `USER_PRESENCE_MANUALLY_SET` and `teamRolesUpdated` both become PascalCase. */
export function pascalCase(wireName: string): string {
  if (wireName.includes('_') || wireName === wireName.toUpperCase()) {
    return wireName
      .split('_')
      .filter(Boolean)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
      .join('');
  }
  return wireName.charAt(0).toUpperCase() + wireName.slice(1);
}

export const eventTypeName = (wireName: string): string => `${pascalCase(wireName)}Payload`;
export const commandTypeName = (name: string): string => `${pascalCase(name)}Command`;
export const validatorName = (typeName: string): string => `validate${typeName}`;


/** An event payload with variants: `TeamChannelContentCreatedPayload` case `doc` is `TeamChannelContentCreatedDocPayload`. */
export const variantTypeName = (typeName: string, caseValue: string): string => `${typeName.replace(/Payload$/, '')}${pascalCase(caseValue)}Payload`;
/** The case of a payload with variants for every value of its field that no case names. */
export const OTHER_CASE = 'other';
/** The fields every case of a payload with variants shares. */
export const commonFieldsTypeName = (typeName: string): string => `${typeName}Fields`;
