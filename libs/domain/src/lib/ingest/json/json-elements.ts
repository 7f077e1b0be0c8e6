import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import Assembler from 'stream-json/Assembler';
import Parser from 'stream-json/Parser';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { strictUtf8Decoder } from '../source/byte-streams';

/** One element of a JSON document, assembled on its own: the document around it is never held in memory. */
export interface JsonElement {
  /** The top-level key it was found under; '' for a root array or a root object taken whole. */
  collection: string;
  /** 1-based position in its array (1 for an object found alone). Used as the `line` of the adapters' outputs. */
  index: number;
  value: unknown;
}

export interface JsonElementsOptions {
  /**
   * Top-level keys whose value is streamed: each element of an array one at a time, an object as one element
   * (Zendesk's `{ "ticket": {...} }`). Other top-level keys (pagination, sideloads) are skipped unread.
   */
  collections: readonly string[];
  /** A root array streams its elements (collection ''). */
  rootArray?: boolean;
  /** A root object that holds none of `collections` is one element itself (a single Freshdesk ticket, Jira issue). */
  rootObject?: boolean;
  /** What the document should hold, for the message when it holds none of it ("a tickets or audits array"). */
  expected: string;
}

interface Token {
  name: string;
  value?: string;
}

const malformed = (message: string) => new ImportFileError(ImportFileErrorCode.MALFORMED_DOCUMENT, message);

/**
 * Limits that keep a hostile document from exhausting memory: exports nest a handful of levels, an element (a
 * ticket with its audits, an issue with its changelog) holds thousands of values, a text value a few kilobytes.
 * `[[[[…` a hundred megabytes deep, or one element or string of a gigabyte, fails instead.
 */
export const JSON_LIMITS = { maxDepth: 64, maxElementValues: 1_000_000, maxValueChars: 16 * 1024 * 1024 };

const SCALARS = new Set(['stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);
const OPENING = new Set(['startObject', 'startArray']);
const CLOSING = new Set(['endObject', 'endArray']);

// stream-json's messages ("Parser cannot parse input: expected ','") never quote the input, so they can be shown.
const parserReason = (error: Error) => error.message.replace(/^Parser (cannot parse input: |has )/, '');

type ParserInternals = {
  _buffer: string;
  /** The string or number being read (packValues): an unterminated string grows here. */
  _accumulator: string;
  _transformBuffer(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void;
  _flush(callback: TransformCallback): void;
};
const parserBase = Parser.prototype as unknown as ParserInternals;

/**
 * stream-json's parser does not say where it failed; it parses each chunk synchronously, so the failure lies in
 * the text it still held from the previous chunk or in the chunk just written, which is the range reported.
 */
class PositionedParser extends Parser {
  private bytesIn = 0;

  constructor() {
    // Packed values only: one token per key, string and number instead of a token per chunk of them.
    super({ packValues: true, streamValues: false });
  }

  _transformBuffer(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    const pending = Buffer.byteLength((this as unknown as ParserInternals)._buffer);
    const from = Math.max(0, this.bytesIn - pending);
    this.bytesIn += chunk.length;
    parserBase._transformBuffer.call(this, chunk, encoding, (error?: Error | null) => {
      if (error) {
        return callback(
          malformed(
            `The file is not valid JSON: ${parserReason(error)} between bytes ${from} and ${this.bytesIn} (uncompressed).`,
          ),
        );
      }
      if ((this as unknown as ParserInternals)._accumulator.length > JSON_LIMITS.maxValueChars) {
        return callback(
          malformed(
            `A value before byte ${this.bytesIn} (uncompressed) is longer than ${JSON_LIMITS.maxValueChars} characters: ` +
              'probably a string that is never closed.',
          ),
        );
      }
      callback();
    });
  }

  override _flush(callback: TransformCallback): void {
    parserBase._flush.call(this, (error?: Error | null) =>
      callback(
        error
          ? malformed(
              `The file is not valid JSON: ${parserReason(error)} at its end, after ${this.bytesIn} bytes (uncompressed); is it truncated?`,
            )
          : null,
      ),
    );
  }
}

/** Turns the parser's tokens into elements, holding one element at a time. */
class ElementPicker extends Transform {
  private depth = 0;
  private root: 'object' | 'array' | null = null;
  private key: string | null = null;
  /** The top-level array being streamed, if any. */
  private streaming: string | null = null;
  private index = 0;
  private element: Assembler | null = null;
  private elementCollection = '';
  private elementValues = 0;
  /** The root object minus its collections, when `rootObject` asks for it. */
  private rest: Assembler | null = null;
  private intoRest = false;
  private found = false;

  constructor(private readonly options: JsonElementsOptions) {
    super({ objectMode: true });
  }

  override _transform(token: Token, _encoding: BufferEncoding, callback: TransformCallback): void {
    const before = this.depth;
    if (OPENING.has(token.name)) this.depth++;
    else if (CLOSING.has(token.name)) this.depth--;
    const startsValue = OPENING.has(token.name) || SCALARS.has(token.name);
    if (this.depth > JSON_LIMITS.maxDepth) {
      return callback(malformed(`The document nests deeper than ${JSON_LIMITS.maxDepth} levels: not an export.`));
    }
    if ((this.element || this.intoRest) && startsValue && ++this.elementValues > JSON_LIMITS.maxElementValues) {
      return callback(
        malformed(`Element ${this.index} holds more than ${JSON_LIMITS.maxElementValues} values: too large to import.`),
      );
    }

    if (this.element) {
      this.consume(this.element, token);
    } else if (before === 0) {
      if (!OPENING.has(token.name))
        return callback(malformed(`The document is a single value, not ${this.options.expected}.`));
      this.root = token.name === 'startArray' ? 'array' : 'object';
      if (this.root === 'array' && this.options.rootArray) {
        this.streaming = '';
        this.found = true;
      }
      if (this.root === 'object' && this.options.rootObject)
        this.rest = new Assembler(ASSEMBLER_OPTIONS).consume(token);
    } else if (this.streaming !== null && before === (this.streaming === '' ? 1 : 2)) {
      if (startsValue) this.start(this.streaming, ++this.index, token);
      else this.streaming = null; // the end of the streamed array
    } else if (before === 1 && this.root === 'object') {
      this.topLevel(token, startsValue);
    } else if (this.intoRest && this.rest) {
      this.rest.consume(token);
      if (this.depth === 1) this.intoRest = false;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.rest && !this.found) {
      this.push({ collection: '', index: 1, value: this.rest.current } satisfies JsonElement);
      this.found = true;
    }
    callback(this.found ? null : malformed(`The document holds no ${this.options.expected}.`));
  }

  private topLevel(token: Token, startsValue: boolean): void {
    if (token.name === 'keyValue') {
      this.key = token.value ?? '';
      return;
    }
    if (token.name === 'endObject') {
      this.rest?.consume(token);
      return;
    }
    if (!startsValue || this.key === null) return;
    if (this.options.collections.includes(this.key)) {
      this.found = true;
      if (token.name === 'startArray') {
        this.streaming = this.key;
        this.index = 0;
      } else {
        this.start(this.key, 1, token);
      }
    } else if (this.rest) {
      this.rest.consume({ name: 'keyValue', value: this.key }).consume(token);
      this.intoRest = OPENING.has(token.name);
    }
  }

  private start(collection: string, index: number, token: Token): void {
    this.element = new Assembler(ASSEMBLER_OPTIONS);
    this.elementValues = 0;
    this.elementCollection = collection;
    this.index = index;
    this.consume(this.element, token);
  }

  private consume(element: Assembler, token: Token): void {
    element.consume(token);
    if (!element.done) return;
    this.push({ collection: this.elementCollection, index: this.index, value: element.current } satisfies JsonElement);
    this.element = null;
  }
}

// Numbers stay text: ids of 16 digits and more would lose digits as doubles (and are kept as strings anyway).
const ASSEMBLER_OPTIONS = { numberAsString: true } as Assembler.AssemblerOptions;

/**
 * Streams the elements of a JSON document: strict UTF-8 (ENCODING otherwise, as for CSV), then stream-json's
 * parser, then one element at a time. Memory stays bounded by the largest element, whatever the document's size.
 * Invalid JSON fails with MALFORMED_DOCUMENT naming the byte range where parsing stopped, also after elements
 * were yielded (a truncated download is found at its end); so does a document holding none of `collections`.
 */
export async function* streamJsonElements(
  bytes: AsyncIterable<Buffer>,
  options: JsonElementsOptions,
): AsyncGenerator<JsonElement> {
  const picker = new ElementPicker(options);
  pipeline(Readable.from(bytes), strictUtf8Decoder(), new PositionedParser(), picker, () => undefined);
  try {
    for await (const element of picker) yield element as JsonElement;
  } finally {
    picker.destroy(); // stopped early: pipeline then tears down the parser and the byte source
  }
}
