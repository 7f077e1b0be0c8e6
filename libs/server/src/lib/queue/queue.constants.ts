export const IMPORT_QUEUE = 'imports';

export interface ImportJobData {
  importId: string;
}
