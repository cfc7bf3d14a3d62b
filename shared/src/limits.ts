/** Limits shared by forms and the server, so both refuse the same input. */
export const limits = {
  eventIdMax: 200,
  idMax: 100,
  plateMax: 40,
  urlMax: 2048,
  textMax: 10_000,
  /** A post's text as incidents carry it to every desk; the full text is in the incident's alerts. */
  postExcerptMax: 280,
  authorMax: 200,
  mediaUrlsMax: 20,
  usernameMax: 64,
  callSignMax: 32,
  /** A unit's key as its device sends it (the server issues 32 characters). */
  unitKeyMax: 200,
  passwordMax: 256,
  notesMax: 2_000,
  reasonMax: 1_000,
  caseNumberMax: 100,
  handoverNotesMax: 4_000,
  pressTextMax: 4_000,
  historyPageMax: 200,
  bodyBytesMax: 256 * 1024,
} as const;
