declare module 'rtlcss' {
  const rtlcss: { process(css: string, options?: object, plugins?: object[]): string };
  export default rtlcss;
}
