import { createContext, type ReactNode, useContext } from 'react';

/** The server's field errors of the last save, keyed by path (steps.0.title, trigger.cron …). */
const ErrorsContext = createContext<Record<string, string>>({});

export function EditorErrors({ errors, children }: { errors: Record<string, string>; children: ReactNode }) {
  return <ErrorsContext.Provider value={errors}>{children}</ErrorsContext.Provider>;
}

/** The error for a path, for an input's `error` prop. */
export function useFieldError(): (path: string) => string | undefined {
  const errors = useContext(ErrorsContext);
  return (path) => errors[path];
}
