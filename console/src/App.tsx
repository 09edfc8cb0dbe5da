import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from './api/client';
import type { Problem } from './api/problem';
import { forgetApiKey, storedApiKey } from './api/session';
import { BookingPage } from './deals/BookingPage';
import { Bookings } from './deals/Bookings';
import { Inbox } from './deals/Inbox';
import { NegotiationPage } from './deals/NegotiationPage';
import { LaneMatches } from './pages/LaneMatches';
import { Lanes } from './pages/Lanes';
import { Register } from './pages/Register';
import { SignIn } from './pages/SignIn';
import { BusyIndicator } from './ui/BusyIndicator';
import { ProblemAlert } from './ui/ProblemAlert';
import { Lazy } from './ui/Lazy';
import { checkOperatorKey, looksLikeOperatorKey } from './operator/operatorSession';

const loadCollaborationPages = () => import('./collab/pages');
const loadSettingsPages = () => import('./settings/pages');
// Reload packages and package deals (issue 11).
const loadPackagePages = () => import('./packages/pages');
// The operator's pages, and every partner's outcomes and a carrier's reload outlook (issues 12 and 13).
const loadOperatorPages = () => import('./operator/pages');
const loadOutcomePages = () => import('./outcomes/pages');

type Route =
  | { page: 'sign-in' }
  | { page: 'register' }
  | { page: 'lanes' }
  | { page: 'lane'; laneId: string }
  | { page: 'negotiations' }
  | { page: 'negotiation'; negotiationId: string }
  | { page: 'bookings' }
  | { page: 'booking'; bookingId: string }
  | { page: 'collaborations' }
  | { page: 'collaboration'; collaborationId: string }
  | { page: 'statement'; collaborationId: string; periodIndex: number }
  | { page: 'allocation-preview' }
  | { page: 'settings' }
  | { page: 'settings-keys' }
  | { page: 'settings-webhooks' }
  | { page: 'settings-delegations' }
  | { page: 'package'; packageId: string }
  | { page: 'package-deal'; dealId: string }
  // After the booking: the carrier's compliance and the shipper's carrier requirements.
  | { page: 'settings-compliance' }
  | { page: 'outcomes' }
  | { page: 'reload-outlook' }
  | { page: 'operator-partners' }
  | { page: 'operator-insurance' }
  | { page: 'operator-optimiser' }
  | { page: 'operator-network' };

const OPERATOR_ROUTES: Record<string, Route['page']> = {
  'operator/partners': 'operator-partners',
  'operator/expiring-insurance': 'operator-insurance',
  'operator/optimiser': 'operator-optimiser',
  'operator/network': 'operator-network',
};

function currentRoute(): Route {
  // A page may take parameters after `?` (the allocation preview's players): the route is what comes before.
  const hash = window.location.hash.replace(/^#\/?/, '').split('?')[0]!;
  if (hash === 'register' || hash === 'lanes' || hash === 'negotiations' || hash === 'bookings' || hash === 'collaborations' || hash === 'allocation-preview' || hash === 'settings') {
    return { page: hash };
  }
  if (hash === 'settings/compliance') {
    return { page: 'settings-compliance' };
  }
  if (hash === 'outcomes' || hash === 'reload-outlook') {
    return { page: hash };
  }
  const operatorRoute = OPERATOR_ROUTES[hash];
  if (operatorRoute) {
    return { page: operatorRoute } as Route;
  }
  const setting = /^settings\/(keys|webhooks|delegations)$/.exec(hash);
  if (setting) {
    return { page: `settings-${setting[1] as 'keys' | 'webhooks' | 'delegations'}` };
  }
  const statement = /^collaborations\/([^/]+)\/periods\/([0-9]{1,6})$/.exec(hash);
  if (statement) {
    return { page: 'statement', collaborationId: decodeURIComponent(statement[1]!), periodIndex: Number(statement[2]) };
  }
  const collaboration = /^collaborations\/([^/]+)$/.exec(hash);
  if (collaboration) {
    return { page: 'collaboration', collaborationId: decodeURIComponent(collaboration[1]!) };
  }
  const packagePage = /^(packages|package-deals)\/([^/]+)$/.exec(hash);
  if (packagePage) {
    const id = decodeURIComponent(packagePage[2]!);
    return packagePage[1] === 'packages' ? { page: 'package', packageId: id } : { page: 'package-deal', dealId: id };
  }
  const one = /^(lanes|negotiations|bookings)\/([^/]+)$/.exec(hash);
  if (one) {
    const id = decodeURIComponent(one[2]!);
    return one[1] === 'lanes'
      ? { page: 'lane', laneId: id }
      : one[1] === 'negotiations'
        ? { page: 'negotiation', negotiationId: id }
        : { page: 'booking', bookingId: id };
  }
  return { page: 'sign-in' };
}

const TITLES: Record<Route['page'], string> = {
  'sign-in': 'Sign in',
  register: 'Register',
  lanes: 'Your lanes',
  lane: 'Lane and matches',
  negotiations: 'Negotiations',
  negotiation: 'Negotiation',
  bookings: 'Bookings',
  booking: 'Booking and rate confirmation',
  collaborations: 'Collaborations',
  collaboration: 'Collaboration',
  statement: 'Period statement',
  'allocation-preview': 'Allocation preview',
  settings: 'Settings: profile',
  'settings-keys': 'Settings: API keys',
  'settings-webhooks': 'Settings: webhooks',
  'settings-delegations': 'Settings: delegations',
  package: 'Reload package',
  'package-deal': 'Package deal',
  'settings-compliance': 'Settings: compliance',
  outcomes: 'Your outcomes',
  'reload-outlook': 'Reload outlook',
  'operator-partners': 'Operator: partners',
  'operator-insurance': 'Operator: insurance expiring',
  'operator-optimiser': 'Operator: batch optimiser',
  'operator-network': 'Operator: network figures',
};

export function App() {
  const [route, setRoute] = useState<Route>(currentRoute);
  const [partner, setPartner] = useState<Schemas['Partner'] | null>(null);
  const [restoring, setRestoring] = useState(storedApiKey() !== null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A broker acts for one of the partners that delegated to it at a time.
  const [actingFor, setActingFor] = useState<string | null>(null);
  // The operator's key: no partner behind it, the operator's pages only.
  const [operator, setOperator] = useState(false);

  useEffect(() => {
    const onHashChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // A key kept from earlier in this tab (a reload) signs in again without asking.
  useEffect(() => {
    if (!restoring) {
      return;
    }
    if (looksLikeOperatorKey(storedApiKey())) {
      void checkOperatorKey().then((outcome) => {
        if (outcome.ok) {
          setOperator(true);
        } else {
          forgetApiKey();
          setProblem(outcome.problem);
        }
        setRestoring(false);
      });
      return;
    }
    void call(api.GET('/partners/me')).then((outcome) => {
      if (outcome.ok) {
        setPartner(outcome.data);
      } else {
        forgetApiKey();
        setProblem(outcome.problem);
      }
      setRestoring(false);
    });
  }, []);

  useEffect(() => {
    document.title = `${TITLES[route.page]} · Backhaul Exchange console`;
  }, [route.page]);

  function signedIn(who: Schemas['Partner']) {
    setProblem(null);
    setPartner(who);
    window.location.hash = '#/lanes';
  }

  function operatorSignedIn() {
    setProblem(null);
    setOperator(true);
    window.location.hash = '#/operator/partners';
  }

  function signOut() {
    forgetApiKey();
    setOperator(false);
    setPartner(null);
    setActingFor(null);
    window.location.hash = '#/';
  }

  let page;
  if (restoring) {
    page = (
      <main id="main">
        <p>Signing in…</p>
      </main>
    );
  } else if (operator) {
    page = <Lazy load={loadOperatorPages} render={(pages) => operatorPage(route, pages)} />;
  } else if (!partner) {
    page = route.page === 'register' ? <Register onSignedIn={signedIn} /> : <SignIn onSignedIn={signedIn} onOperatorSignedIn={operatorSignedIn} />;
  } else if (route.page === 'lane') {
    page = <LaneMatches laneId={route.laneId} />;
  } else if (route.page === 'negotiations') {
    page = <Inbox partner={partner} actingFor={actingFor} onActingFor={setActingFor} />;
  } else if (route.page === 'negotiation') {
    page = <NegotiationPage negotiationId={route.negotiationId} />;
  } else if (route.page === 'bookings') {
    page = <Bookings partner={partner} />;
  } else if (route.page === 'booking') {
    page = <BookingPage bookingId={route.bookingId} partner={partner} />;
  } else if (route.page === 'collaborations') {
    page = <Lazy load={loadCollaborationPages} render={({ Collaborations }) => <Collaborations partner={partner} />} />;
  } else if (route.page === 'collaboration') {
    page = <Lazy load={loadCollaborationPages} render={({ CollaborationPage }) => <CollaborationPage key={route.collaborationId} collaborationId={route.collaborationId} />} />;
  } else if (route.page === 'statement') {
    page = (
      <Lazy
        load={loadCollaborationPages}
        render={({ StatementPage }) => <StatementPage key={`${route.collaborationId}/${route.periodIndex}`} collaborationId={route.collaborationId} periodIndex={route.periodIndex} />}
      />
    );
  } else if (route.page === 'allocation-preview') {
    page = <Lazy load={loadCollaborationPages} render={({ AllocationPreview }) => <AllocationPreview />} />;
  } else if (route.page === 'settings') {
    page = <Lazy load={loadSettingsPages} render={({ Profile }) => <Profile partner={partner} onChanged={setPartner} />} />;
  } else if (route.page === 'settings-keys') {
    page = <Lazy load={loadSettingsPages} render={({ ApiKeys }) => <ApiKeys />} />;
  } else if (route.page === 'settings-webhooks') {
    page = <Lazy load={loadSettingsPages} render={({ Webhooks }) => <Webhooks />} />;
  } else if (route.page === 'settings-delegations') {
    page = <Lazy load={loadSettingsPages} render={({ Delegations }) => <Delegations partner={partner} />} />;
  } else if (route.page === 'package') {
    page = <Lazy load={loadPackagePages} render={({ PackagePage }) => <PackagePage key={route.packageId} packageId={route.packageId} />} />;
  } else if (route.page === 'package-deal') {
    page = <Lazy load={loadPackagePages} render={({ PackageDealPage }) => <PackageDealPage key={route.dealId} dealId={route.dealId} />} />;
  } else if (route.page === 'settings-compliance') {
    page = <Lazy load={loadSettingsPages} render={({ Compliance }) => <Compliance partner={partner} />} />;
  } else if (route.page === 'outcomes') {
    page = <Lazy load={loadOutcomePages} render={({ OutcomesPage }) => <OutcomesPage partner={partner} />} />;
  } else if (route.page === 'reload-outlook' && partner.roles.includes('CARRIER')) {
    page = <Lazy load={loadOutcomePages} render={({ ReloadOutlookPage }) => <ReloadOutlookPage />} />;
  } else {
    page = <Lanes partner={partner} />;
  }

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById('main');
        main?.setAttribute('tabindex', '-1');
        main?.focus();
      }}>
        Skip to the content
      </a>
      <header class="top no-print">
        <p class="brand">Backhaul Exchange</p>
        {operator && (
          <nav aria-label="Main">
            {OPERATOR_NAV.map(([href, target, label]) => (
              <a key={href} href={href} aria-current={route.page === target ? 'page' : undefined}>
                {label}
              </a>
            ))}
            <span class="who">The exchange's operator</span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
        {partner && (
          <nav aria-label="Main">
            <a href="#/lanes" aria-current={route.page === 'lanes' ? 'page' : undefined}>
              Lanes
            </a>
            <a href="#/negotiations" aria-current={route.page === 'negotiations' ? 'page' : undefined}>
              Negotiations
            </a>
            <a href="#/bookings" aria-current={route.page === 'bookings' ? 'page' : undefined}>
              Bookings
            </a>
            <a href="#/collaborations" aria-current={route.page === 'collaborations' ? 'page' : undefined}>
              Collaborations
            </a>
            <a href="#/allocation-preview" aria-current={route.page === 'allocation-preview' ? 'page' : undefined}>
              Allocation preview
            </a>
            <a href="#/outcomes" aria-current={route.page === 'outcomes' ? 'page' : undefined}>
              Outcomes
            </a>
            {partner.roles.includes('CARRIER') && (
              <a href="#/reload-outlook" aria-current={route.page === 'reload-outlook' ? 'page' : undefined}>
                Reload outlook
              </a>
            )}
            <a href="#/settings" aria-current={route.page === 'settings' ? 'page' : undefined}>
              Settings
            </a>
            <span class="who">
              {partner.legalName} ({partner.roles.map((role) => role.toLowerCase()).join(', ')})
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <BusyIndicator />
      {problem && (
        <div class="page-problem no-print">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {page}
    </>
  );
}

// The operator's area: its nav entries and its pages (any other route shows the partners).
const OPERATOR_NAV: [string, Route['page'], string][] = [
  ['#/operator/partners', 'operator-partners', 'Partners'],
  ['#/operator/expiring-insurance', 'operator-insurance', 'Insurance expiring'],
  ['#/operator/optimiser', 'operator-optimiser', 'Optimiser'],
  ['#/operator/network', 'operator-network', 'Network figures'],
];

function operatorPage(route: Route, pages: typeof import('./operator/pages')) {
  switch (route.page) {
    case 'operator-insurance':
      return <pages.ExpiringInsurance />;
    case 'operator-optimiser':
      return <pages.Optimiser />;
    case 'operator-network':
      return <pages.NetworkFiguresPage />;
    default:
      return <pages.OperatorPartners />;
  }
}
