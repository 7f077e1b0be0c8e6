export * from './adapter';
export * from './canonical/canonical-adapter';
export * from './import-file-error';
export * from './registry';
export * from './source/header';
export * from './source/open-records';
export { DELIMITERS, ENCODINGS, type Delimiter, type SourceEncoding } from './source/sniff';
export * from './timestamps/parse-timestamp';
