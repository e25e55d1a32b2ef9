/**
 * Masks a buyer's phone numbers and addresses before feedback leaves the chat: the admin needs to see
 * what went wrong, not who the buyer is. Pure functions of the text.
 */

/** Mainland mobile numbers (1[3-9] + 9 digits), with optional +86 and spaces or dashes in the usual places. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
/** Landlines: area code 0xx(x) then 7–8 digits. */
const LANDLINE = /(?<!\d)(0\d{2,3})[\s-]?(\d{7,8})(?!\d)/g;

export function maskPhones(text: string): string {
  return text
    .replace(MOBILE, (_all, head: string, _mid: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_all, area: string, number: string) => `${area}-****${number.slice(-2)}`);
}

/**
 * An address is kept down to its district (省/市/区/县) so the admin still sees the region; the street,
 * building and room that follow are replaced. Finds addresses by their administrative words.
 */
const ADDRESS =
  /((?:[\u4e00-\u9fa5]{2,7}(?:省|自治区))?(?:[\u4e00-\u9fa5]{2,7}市)?(?:[\u4e00-\u9fa5]{1,7}(?:区|县|旗))?)((?:[\u4e00-\u9fa5A-Za-z0-9]{1,12}(?:街道|镇|乡|路|街|大道|巷|弄|村|小区|花园|公寓|大厦|广场))[\u4e00-\u9fa5A-Za-z0-9\-#号栋幢单元室楼层]*)/g;

export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, (_all, region: string) => `${region}***`);
}

export function maskPersonal(text: string): string {
  return maskAddresses(maskPhones(text));
}
