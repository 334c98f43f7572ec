import { useLocalSetting } from './local-setting';

/** The supervisor's name for acknowledgements: asked once, then kept in localStorage. */
export function useOperatorName(): [string | null, (name: string | null) => void] {
  const [name, setName] = useLocalSetting('confwatch.operator');
  return [name && name.trim() ? name : null, setName];
}
