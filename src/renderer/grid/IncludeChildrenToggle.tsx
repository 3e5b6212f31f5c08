interface IncludeChildrenToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The org's children, named in the tooltip so the switch says what it adds. */
  childNames: string[];
}

/** "Include child orgs": a parent org's consolidated view, for any screen whose rows belong to an org. */
export function IncludeChildrenToggle({ checked, onChange, childNames }: IncludeChildrenToggleProps) {
  const names = childNames.length > 3 ? `${childNames.slice(0, 3).join(', ')} and ${childNames.length - 3} more` : childNames.join(', ');
  return (
    <label className="exact-amounts-toggle" title={`Show this organization's rows with those of every organization below it (${names}); totals stay per currency.`}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid="include-children" />
      Include child orgs
    </label>
  );
}
