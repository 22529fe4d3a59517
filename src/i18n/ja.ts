import { en, type MessageId } from './en.js';
export const ja: Record<MessageId, string> = { ...en };
