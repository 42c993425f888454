// The one table of diagnostic codes lives with the message catalogue (dsl/messages/codes.ts), which renders
// them in Swedish and English; the diagnostics stage reads it from there.
export * from '../messages/codes';
