import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';

/** Whose codings the editor, the codebook's counts and the passages show. */
export type CoderViewChoice =
  | { kind: 'everyone' }
  /** Blind coding: only the researcher's own, so that double coding stays independent. */
  | { kind: 'mine' }
  | { kind: 'coder'; name: string };

export interface CoderView {
  choice: CoderViewChoice;
  choose(choice: CoderViewChoice): void;
  /** The one coder whose codings are shown, or null for everyone's. */
  shown: string | null;
  /** The researcher's own name as a coder. */
  me: string | null;
}

const CoderViewContext = createContext<CoderView | null>(null);

export function useCoderView(): CoderView {
  const view = useContext(CoderViewContext);
  if (!view) throw new Error('useCoderView needs a CoderViewProvider');
  return view;
}

function stored(key: string): CoderViewChoice {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as CoderViewChoice | null;
    if (value?.kind === 'mine' || value?.kind === 'everyone') return value;
    if (value?.kind === 'coder' && typeof value.name === 'string') return value;
  } catch {
    // A value from another version is no choice: everyone's.
  }
  return { kind: 'everyone' };
}

/** The view by coder of one project, remembered on this computer: blind coding stays on until turned off. */
export function CoderViewProvider({
  projectId,
  me,
  children,
}: {
  projectId: string;
  me: string | null;
  children: ReactNode;
}) {
  const key = `axial.coderView.${projectId}`;
  const [choice, setChoice] = useState<CoderViewChoice>(() => stored(key));
  const choose = useCallback(
    (next: CoderViewChoice) => {
      localStorage.setItem(key, JSON.stringify(next));
      setChoice(next);
    },
    [key],
  );
  const shown = choice.kind === 'mine' ? me : choice.kind === 'coder' ? choice.name : null;
  const value = useMemo(() => ({ choice, choose, shown, me }), [choice, choose, shown, me]);
  return <CoderViewContext.Provider value={value}>{children}</CoderViewContext.Provider>;
}
