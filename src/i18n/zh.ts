import { en, type MessageId } from './en.js';
export const zh: Record<MessageId, string> = { ...en };
