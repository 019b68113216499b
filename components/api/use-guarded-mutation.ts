"use client";

import { type DefaultError, type UseMutationOptions, type UseMutationResult, useMutation } from "@tanstack/react-query";
import { useCallback, useRef } from "react";

/**
 * useMutation whose `mutate` ignores calls while one is in flight. A button disabled while pending is not enough:
 * a fast double-click lands both clicks before React re-renders it disabled, and the operator then sees a conflict
 * about their own action. The guard is set synchronously on the first click. (Each request also carries its own
 * Idempotency-Key, so a repeat that gets through anyway is answered once by the server.)
 */
export function useGuardedMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const busy = useRef(false);
  const mutation = useMutation({
    ...options,
    onSettled: (...args) => {
      busy.current = false;
      return options.onSettled?.(...args);
    },
  });
  const { mutate: run, mutateAsync: runAsync } = mutation;
  const mutate = useCallback(
    ((...args: Parameters<typeof run>) => {
      if (busy.current) return;
      busy.current = true;
      run(...args);
    }) as typeof run,
    [run],
  );
  const mutateAsync = useCallback(
    ((...args: Parameters<typeof runAsync>) => {
      if (busy.current) return Promise.reject(new Error("Another action is still being sent"));
      busy.current = true;
      return runAsync(...args);
    }) as typeof runAsync,
    [runAsync],
  );
  return { ...mutation, mutate, mutateAsync } as UseMutationResult<TData, TError, TVariables, TContext>;
}
