import type { ImportRowError, ImportStatus } from '@relais/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'import' })
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** Format-specific options, e.g. the column mapping of an event log. */
  @Column({ type: 'jsonb', default: {} })
  options!: Record<string, unknown>;

  /** The uploaded name, for the report; never a path the client chose. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_path', type: 'text' })
  filePath!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: ImportStatus;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ name: 'events_stored', type: 'integer', default: 0 })
  eventsStored!: number;

  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'jsonb', default: [] })
  errors!: ImportRowError[];

  @Column({ type: 'real', default: 0 })
  progress!: number;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
