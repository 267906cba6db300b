import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedSettingsDto, SettingsDto, SettingsFieldsDto, TransformationConfigDto } from '../../../../src/contract';
import { fetchSettings, fetchSettingsFields } from '../../services/invokes';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export type FieldsState = { ok: true; data: SettingsFieldsDto } | { ok: false; message: string };

export type SettingsData =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry: () => void }
  | {
      state: 'ready';
      settings: SettingsDto;
      fields: FieldsState;
      /** Reads everything again, keeping the page as it is meanwhile; resolves to the problem when it failed. */
      reload: () => Promise<string | null>;
      /** Takes a save's result as the settings in force, without reading them again. */
      applySaved: (config: TransformationConfigDto, saved: SavedSettingsDto) => void;
    };

/** The settings and the site's fields; the page works without the fields (the mapping then says why). */
export function useSettingsData(): SettingsData {
  const [settings, setSettings] = useState<SettingsDto | null>(null);
  const [fields, setFields] = useState<FieldsState>({ ok: false, message: 'Loading…' });
  const [failure, setFailure] = useState<string | null>(null);
  const mounted = useRef(true);

  const load = useCallback(async (): Promise<string | null> => {
    const [s, f] = await Promise.allSettled([fetchSettings(), fetchSettingsFields()]);
    if (!mounted.current) return null;
    setFields(f.status === 'fulfilled' ? { ok: true, data: f.value } : { ok: false, message: messageOf(f.reason) });
    if (s.status === 'rejected') {
      setFailure(messageOf(s.reason));
      return messageOf(s.reason);
    }
    setFailure(null);
    setSettings(s.value);
    return null;
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const retry = useCallback(() => {
    setFailure(null);
    setSettings(null);
    void load();
  }, [load]);

  const applySaved = useCallback((config: TransformationConfigDto, saved: SavedSettingsDto) => {
    setSettings((was) => was && { ...was, config, revision: saved.revision, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy, source: 'stored', problem: null, migratedFrom: saved.migratedFrom });
  }, []);

  if (settings) return { state: 'ready', settings, fields, reload: load, applySaved };
  if (failure !== null) return { state: 'error', message: failure, retry };
  return { state: 'loading' };
}
