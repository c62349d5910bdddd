// Logger and console fakes: every line goes to the execution's logs and the runtime's onLog.
import { format } from 'node:util';
import type { Execution } from './execution';

export function createLogger(execution: Execution) {
  const lines: string[] = [];
  const logger = {
    /** Logger.log(data) or Logger.log(format, ...values) with %s placeholders. */
    log(data: unknown, ...values: unknown[]) {
      execution.enter('Logger', 'log');
      const line = values.length > 0 ? format(String(data), ...values) : format('%s', data);
      lines.push(line);
      execution.log(`INFO ${line}`);
      return logger;
    },
    getLog() {
      execution.enter('Logger', 'getLog');
      return lines.join('\n');
    },
    clear() {
      execution.enter('Logger', 'clear');
      lines.length = 0;
    },
  };
  return logger;
}

export function createConsole(execution: Execution) {
  const write =
    (method: string, level: string) =>
    (...values: unknown[]) => {
      execution.enter('console', method);
      execution.log(`${level} ${format(...values)}`);
    };
  return {
    log: write('log', 'INFO'),
    info: write('info', 'INFO'),
    warn: write('warn', 'WARNING'),
    error: write('error', 'ERROR'),
    debug: write('debug', 'DEBUG'),
  };
}
