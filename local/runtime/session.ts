// Session fake. The add-on has no email scope, so getEmail() returns '' as the Session reference
// (https://developers.google.com/apps-script/reference/base/session) describes for users whose
// address is not available.
import type { Execution } from './execution';

export interface SessionContext {
  userKey: string;
  scriptTimeZone: string;
  userLocale: string;
}

export function createSession(execution: Execution, context: SessionContext) {
  const enter = (method: string) => execution.enter('Session', method);
  const user = () => ({
    getEmail: () => {
      execution.enter('User', 'getEmail');
      return '';
    },
  });
  return {
    getTemporaryActiveUserKey() {
      enter('getTemporaryActiveUserKey');
      return context.userKey;
    },
    getScriptTimeZone() {
      enter('getScriptTimeZone');
      return context.scriptTimeZone;
    },
    getActiveUserLocale() {
      enter('getActiveUserLocale');
      return context.userLocale;
    },
    getActiveUser() {
      enter('getActiveUser');
      return user();
    },
    getEffectiveUser() {
      enter('getEffectiveUser');
      return user();
    },
  };
}
