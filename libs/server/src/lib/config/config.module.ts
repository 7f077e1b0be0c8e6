import { Global, Module } from '@nestjs/common';
import { loadConfig, RelaisConfig } from './relais-config';

export const RELAIS_CONFIG = Symbol('RELAIS_CONFIG');

@Global()
@Module({
  providers: [{ provide: RELAIS_CONFIG, useFactory: (): RelaisConfig => loadConfig() }],
  exports: [RELAIS_CONFIG],
})
export class ConfigModule {}
