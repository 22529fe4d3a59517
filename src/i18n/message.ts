/** `msg`: a message of the catalogues (the types are in model/message.ts), its id checked against the English catalogue. */
import type { Msg } from '../model/message.js';

export function msg(id: import('./en.js').MessageId, params?: Msg['params']): Msg {
  return params ? { id, params } : { id };
}
