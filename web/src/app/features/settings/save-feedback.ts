import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18nService } from '../../core/i18n/i18n.service';

/** The confirmation every save of the settings page shows, besides the status next to its form. */
@Injectable({ providedIn: 'root' })
export class SaveFeedback {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  saved(): void {
    this.snackBar.open(this.i18n.t('settings.savedToast'), this.i18n.t('settings.dismiss'), {
      duration: 4000,
      politeness: 'polite',
    });
  }
}
