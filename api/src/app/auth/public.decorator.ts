import { SetMetadata } from '@nestjs/common';
import type { Role } from '@relais/contracts';

export const IS_PUBLIC = 'relais:public';
export const REQUIRED_ROLE = 'relais:role';

/** The only endpoints reachable without a token: health and login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Lowest role allowed; roles are nested (viewer < analyst < admin). Endpoints without it need viewer. */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
