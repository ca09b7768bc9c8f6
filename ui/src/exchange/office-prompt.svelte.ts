// Whether the officer put the first-run office prompt off for this session ("Later").
export const officePrompt = $state({ dismissed: false });
