// Shared by the domain unit tests; tsconfig.build.json leaves it out of dist.

/** The error code a step is refused with, or 'accepted' when it goes through. */
export const refusalCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
};
