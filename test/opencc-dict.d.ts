/** opencc-js's dictionaries (dist/esm-lib/dict/*.js): each a string of entries "from to [to ...]" joined by "|". */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
