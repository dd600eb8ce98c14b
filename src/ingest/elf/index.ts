/** Module files (.so) read as ELF: needed libraries and dynamic symbols. */
export { readElf } from './readElf';
