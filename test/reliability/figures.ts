// The figures the README's Reliability table quotes. Each test asserts its bound and, when
// RELIABILITY_FIGURES is set, prints what it measured: `RELIABILITY_FIGURES=1 npm test`.
export function figure(testCase: string, measured: string): void {
  if (process.env['RELIABILITY_FIGURES']) console.log(`figure: ${testCase}: ${measured}`);
}
