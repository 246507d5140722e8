/** The logo rules the API enforces (LogoImage): checked here first so a wrong file is refused before it is sent. */
export const LOGO_RULES = { types: ['image/png', 'image/jpeg'], maxBytes: 512 * 1024, maxPixels: 4000 } as const;

/** Why a chosen file cannot be the logo, before it is uploaded, or null. */
export function logoFileError(file: Pick<File, 'type' | 'size' | 'name'>): string | null {
  if (!(LOGO_RULES.types as readonly string[]).includes(file.type)) return `${file.name} is not a PNG or JPEG image.`;
  if (file.size > LOGO_RULES.maxBytes) return `${file.name} is ${Math.ceil(file.size / 1024)} KB; the logo may be at most ${LOGO_RULES.maxBytes / 1024} KB.`;
  return null;
}
