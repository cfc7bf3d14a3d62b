import { ConfigError, loadConfig } from './config';
import { runServer } from './server';

try {
  await runServer(loadConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
