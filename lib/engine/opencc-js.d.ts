// opencc-js ships types for its presets but not for single dictionaries; each is a `DictLike` string.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
