import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { OrganisationSettingsForm } from './organisation-settings-form';
import { StepMappingsPanel } from './step-mappings-panel';
import { TargetsPanel } from './targets-panel';
import { UsersPanel } from './users-panel';

/** Administration of the organisation: each section loads, validates and saves on its own. */
@Component({
  selector: 'app-settings-page',
  imports: [OrganisationSettingsForm, TargetsPanel, StepMappingsPanel, UsersPanel, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'settings.heading' | t }}</h1>
    <app-organisation-settings-form />
    <app-targets-panel />
    <app-step-mappings-panel />
    <app-users-panel />
  `,
  styles: `
    h1 {
      margin: 0 0 1.25rem;
      font-size: 1.6rem;
    }
  `,
})
export class SettingsPage {}
