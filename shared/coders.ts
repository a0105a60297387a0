/** A person who codes in the project, with the colour the team gave them. */
export interface ProjectCoder {
  name: string;
  /** `#rrggbb`. */
  colour: string;
  codings: number;
  documents: number;
}
