/** Why a file could not be turned into a contract model. Codes are stable: tools match on them. */
export type LoadErrorCode =
  | 'unreadable' // the file system refused (missing, permission, a directory)
  | 'empty' // zero bytes or only whitespace
  | 'binary' // binary data where text was expected
  | 'invalid-encoding' // not valid UTF-8 (or UTF-16 with BOM)
  | 'too-large' // over the size cap
  | 'unsupported-format' // an extension we do not read
  | 'not-a-zip' // a .docx that is not a zip archive
  | 'corrupt-zip' // a zip we cannot decompress
  | 'encrypted' // a password-protected Office file (OLE compound file) or encrypted zip entries
  | 'not-word' // a zip without word/document.xml
  | 'zip-bomb' // uncompressed size or compression ratio over the cap
  | 'too-complex' // Markdown nested or marked up beyond what any agreement needs (parse time explodes)
  | 'hostile-xml' // DOCTYPE / entity declarations or absurd nesting in a part
  | 'invalid-xml' // a part that is not well-formed XML
  | 'conversion-failed' // the converter threw for another reason
  | 'time-budget' // stopped: reading and linting took longer than the file's time budget
  | 'memory-budget'; // stopped: it needed more memory than the budget per file

export class LoadError extends Error {
  override readonly name = 'LoadError';

  constructor(
    readonly code: LoadErrorCode,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`cannot read ${path}: ${problem}`);
  }
}

export function isLoadError(error: unknown): error is LoadError {
  return error instanceof LoadError;
}
