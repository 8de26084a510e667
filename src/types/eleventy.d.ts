/**
 * Type declarations for @11ty/eleventy, covering only the parts of its API Warraq uses (the Eleventy class and UserConfig). Types only.
 */
declare module '@11ty/eleventy' {
  export interface UserConfig {
    [key: string]: any;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIncrementalBuild(b: boolean): void;
    [key: string]: any;
  }
  export const HtmlBasePlugin: unknown;
}
