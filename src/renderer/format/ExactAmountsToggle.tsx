import { useMoneyDisplay } from './use-money-display';

/** The "Show exact amounts" setting, for any screen's toolbar; it applies to every screen. */
export function ExactAmountsToggle() {
  const { exact, setExact } = useMoneyDisplay();
  return (
    <label
      className="exact-amounts-toggle"
      title="Show every stored digit of every amount (up to 6 decimals) instead of rounding to the currency's smallest unit. Rounded amounts are marked ≈; copy and export are always exact."
    >
      <input type="checkbox" checked={exact} onChange={(event) => setExact(event.target.checked)} data-testid="exact-amounts" />
      Show exact amounts
    </label>
  );
}
