import 'i18next';
import type { Messages } from './vi';

// Every key a component asks for is checked against the Vietnamese table, which English must match.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
