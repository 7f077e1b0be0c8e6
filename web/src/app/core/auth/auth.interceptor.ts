import { HttpErrorResponse, HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { LOGIN_URL } from '../api/auth-api.service';
import { AuthService } from './auth.service';
import { loginRedirect } from './auth.guard';

function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.accessToken();
  const authorised = token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorised).pipe(
    catchError((error: unknown) => {
      // A 401 on the login call means wrong credentials, which the login form reports itself.
      if (
        error instanceof HttpErrorResponse &&
        error.status === HttpStatusCode.Unauthorized &&
        request.url !== LOGIN_URL
      ) {
        auth.logout();
        void router.navigateByUrl(loginRedirect(router, router.url));
      }
      return throwError(() => error);
    }),
  );
};
