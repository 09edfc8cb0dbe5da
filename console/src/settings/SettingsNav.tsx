export type SettingsSection = 'profile' | 'keys' | 'webhooks' | 'delegations';

const SECTIONS: { section: SettingsSection; href: string; label: string }[] = [
  { section: 'profile', href: '#/settings', label: 'Profile' },
  { section: 'keys', href: '#/settings/keys', label: 'API keys' },
  { section: 'webhooks', href: '#/settings/webhooks', label: 'Webhooks' },
  { section: 'delegations', href: '#/settings/delegations', label: 'Delegations' },
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
