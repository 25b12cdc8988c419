// Reports name a council many ways ("Devon County Council", "the London Borough of Haringey’s",
// "Royal Borough of Kingston-upon-Thames local authority", "Derbyshire Local Area Partnership");
// annotations are grouped by the name the council is known by, so every form reads as one name.

const SUFFIX =
  /\s+(?:local authority|local area partnership|(?:(?:County|City|Borough|District|Metropolitan Borough|Metropolitan District) )?Council)$/i;
/** "City of London" is that council's name, so "City of" goes only when more than "London" follows. */
const PREFIX =
  /^(?:Council of (?:the )?|(?:London |Royal |Metropolitan )?Borough of |City of (?!London$)|County of )/i;

/** "Devon County Council" → "Devon"; "the London Borough of Haringey’s" → "Haringey". */
export function councilName(printed: string): string {
  let name = printed.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name
      .replace(/^the\s+/i, '')
      .replace(/[’']s?$/, '')
      .replace(SUFFIX, '')
      .replace(PREFIX, '')
      .trim();
  }
  // Councils are known as "Kingston upon Thames", "Newcastle upon Tyne"; "-on-" names keep their hyphens.
  return name.replace(/-upon-/gi, ' upon ');
}
