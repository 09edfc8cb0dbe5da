export type SettingsSection = 'profile' | 'keys' | 'webhooks' | 'delegations' | AfterBookingSettingsSection;

// The carrier's compliance and the shipper's carrier requirements (after the booking, ADR 37).
type AfterBookingSettingsSection = 'compliance';

const SECTIONS: { section: SettingsSection; href: string; label: string }[] = [
  { section: 'profile', href: '#/settings', label: 'Profile' },
  { section: 'keys', href: '#/settings/keys', label: 'API keys' },
  { section: 'webhooks', href: '#/settings/webhooks', label: 'Webhooks' },
  { section: 'delegations', href: '#/settings/delegations', label: 'Delegations' },
  { section: 'compliance', href: '#/settings/compliance', label: 'Compliance' },
];

export function SettingsNav({ current }: { current: SettingsSection }) {
  return (
    <nav aria-label="Settings" class="sub-nav">
      {SECTIONS.map(({ section, href, label }) => (
        <a key={section} href={href} aria-current={section === current ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}
