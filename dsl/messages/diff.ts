// The diffs' part of the message catalogue (engine/versions): semantic diff rows in prose and the behavioural diff.
import type { Message } from './types';

export const DIFF_MESSAGES = {
} satisfies Record<string, Message>;
