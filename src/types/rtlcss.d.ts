/**
 * Type declaration for rtlcss: its process(css, options, plugins) function, the only part Warraq uses. Types only.
 */
declare module 'rtlcss' {
  const rtlcss: { process(css: string, options?: object, plugins?: object[]): string };
  export default rtlcss;
}
