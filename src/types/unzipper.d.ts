/** The part of unzipper's API that src/imports/xlsx-reader.ts uses (the package ships no types). */
declare module "unzipper" {
  interface CentralDirectoryFile {
    path: string;
    stream(): NodeJS.ReadableStream;
  }
  interface CentralDirectory {
    files: CentralDirectoryFile[];
  }
  const unzipper: {
    Open: { file(path: string): Promise<CentralDirectory> };
  };
  export default unzipper;
}
