/** The demo community: a handful of people, groups and conversations worth reading. */

export interface DemoUser {
  key: string;
  displayName: string;
  headline: string;
  bio: string;
  expertise: string[];
}

export interface DemoGroup {
  key: string;
  name: string;
  description: string;
  rules: string;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
  /** Owner first, then moderators (`mods` of them), then members. */
  members: string[];
  mods: number;
}

export interface DemoReply {
  by: string;
  body: string;
  /** Hours after the thread was started. */
  after: number;
  votes?: number;
  accepted?: boolean;
  comments?: { by: string; body: string; after: number }[];
}

export interface DemoThread {
  group: string;
  by: string;
  kind: 'question' | 'discussion' | 'announcement';
  title: string;
  body: string;
  tags: string[];
  daysAgo: number;
  votes?: number;
  pinned?: boolean;
  replies: DemoReply[];
}

export const DEMO_PASSWORD = 'kring-demo-password';
export const demoEmail = (key: string) => `${key}@example.org`;

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'ada',
    displayName: 'Ada Okafor',
    headline: 'Staff Platform Engineer at Northwind',
    bio: 'Kubernetes, CI/CD and making on-call boring.',
    expertise: ['kubernetes', 'ci-cd', 'observability'],
  },
  {
    key: 'lars',
    displayName: 'Lars Eriksson',
    headline: 'SRE Lead at Hooli',
    bio: 'Ten years of pagers. Ask me about SLOs.',
    expertise: ['sre', 'observability', 'incident-response'],
  },
  {
    key: 'priya',
    displayName: 'Priya Raman',
    headline: 'Head of Product at Globex',
    bio: 'B2B SaaS, pricing and discovery.',
    expertise: ['discovery', 'pricing', 'roadmaps'],
  },
  {
    key: 'mateo',
    displayName: 'Mateo Alvarez',
    headline: 'Data Engineer at Soylent Foods',
    bio: 'dbt, Airflow and too many CSV files.',
    expertise: ['dbt', 'airflow', 'sql'],
  },
  {
    key: 'mei',
    displayName: 'Mei Tanaka',
    headline: 'Analytics Manager at Acme Cloud',
    bio: 'Metrics that people actually use.',
    expertise: ['analytics', 'metrics', 'sql'],
  },
  {
    key: 'kofi',
    displayName: 'Kofi Mensah',
    headline: 'Engineering Manager at Initech',
    bio: 'Remote teams across six time zones.',
    expertise: ['remote', 'one-on-ones', 'hiring'],
  },
  {
    key: 'sofia',
    displayName: 'Sofia Rossi',
    headline: 'Product Designer at Vandelay',
    bio: 'Research-led design, accessibility first.',
    expertise: ['ux', 'accessibility'],
  },
  {
    key: 'jonas',
    displayName: 'Jonas Weber',
    headline: 'Backend Developer at Stark Logistics',
    bio: 'Go, PostgreSQL, queues.',
    expertise: ['postgresql', 'go'],
  },
  {
    key: 'amara',
    displayName: 'Amara Nwosu',
    headline: 'VP Engineering at Wayne Analytics',
    bio: 'Scaling teams from 10 to 100.',
    expertise: ['leadership', 'hiring', 'career-ladders'],
  },
  {
    key: 'hiro',
    displayName: 'Hiro Sato',
    headline: 'DevOps Engineer at Cyberdyne Labs',
    bio: 'Terraform by day, home lab by night.',
    expertise: ['terraform', 'aws'],
  },
  {
    key: 'elena',
    displayName: 'Elena Petrova',
    headline: 'Product Manager at Massive Dynamic',
    bio: 'Roadmaps, experiments, and saying no kindly.',
    expertise: ['roadmaps', 'experiments'],
  },
  {
    key: 'nadia',
    displayName: 'Nadia Haddad',
    headline: 'Data Scientist at Umbrella Health',
    bio: 'Forecasting and causal inference.',
    expertise: ['forecasting', 'python'],
  },
  {
    key: 'theo',
    displayName: 'Theo Laurent',
    headline: 'Team Lead at Aperture Retail',
    bio: 'First-time manager, learning in public.',
    expertise: ['remote'],
  },
  {
    key: 'grace',
    displayName: 'Grace Kim',
    headline: 'Security Engineer at Tyrell Systems',
    bio: 'Threat modeling and secrets hygiene.',
    expertise: ['appsec', 'secrets'],
  },
];

const PLATFORM_RULES = `1. **Search first.** Link related threads when you ask.
2. **Show what you tried:** versions, configs, error messages.
3. **No vendor pitches.** Disclose your affiliation when you recommend a product.
4. **Accept the answer** that solved your problem, so the next person finds it.`;

const PRODUCT_RULES = `1. Be kind: critique ideas, not people.
2. No recruiting posts outside the monthly jobs thread.
3. Keep customer data out of examples.`;

export const DEMO_GROUPS: DemoGroup[] = [
  {
    key: 'platform',
    name: 'Platform Engineering Guild',
    description:
      'Kubernetes, CI/CD, observability and the craft of building internal platforms developers love.',
    rules: PLATFORM_RULES,
    visibility: 'public',
    joinPolicy: 'open',
    members: ['ada', 'lars', 'hiro', 'jonas', 'grace', 'kofi', 'mateo', 'amara'],
    mods: 1,
  },
  {
    key: 'product',
    name: 'Product Leaders Circle',
    description:
      'Discovery, roadmaps, pricing and the politics of saying no. For PMs and product leaders.',
    rules: PRODUCT_RULES,
    visibility: 'public',
    joinPolicy: 'approval',
    members: ['priya', 'elena', 'sofia', 'amara', 'mei', 'theo'],
    mods: 1,
  },
  {
    key: 'data',
    name: 'Data and Analytics Practitioners',
    description: 'Pipelines, warehouses, metrics and the people who keep the numbers honest.',
    rules: '',
    visibility: 'public',
    joinPolicy: 'open',
    members: ['mateo', 'mei', 'nadia', 'jonas', 'priya', 'hiro'],
    mods: 1,
  },
  {
    key: 'leads',
    name: 'Remote Team Leads',
    description:
      'Leading distributed teams: one-on-ones, hiring, async rituals and keeping people well.',
    rules: '',
    visibility: 'public',
    joinPolicy: 'open',
    members: ['kofi', 'amara', 'theo', 'ada', 'elena', 'lars', 'sofia'],
    mods: 1,
  },
  {
    key: 'staff',
    name: 'Kring Moderators Lounge',
    description: 'A private room for the moderators of the demo groups.',
    rules: '',
    visibility: 'private',
    joinPolicy: 'invite',
    members: ['ada', 'priya', 'mateo', 'kofi'],
    mods: 0,
  },
];

export const DEMO_THREADS: DemoThread[] = [
  {
    group: 'platform',
    by: 'ada',
    kind: 'announcement',
    title: 'Welcome to the Platform Engineering Guild: start here',
    body: `Hi all, and welcome!\n\nThis group is for people who build and run internal platforms. A few tips:\n\n- Ask **questions** when you are stuck; mark the answer that helped.\n- Start a **discussion** to share a setup, a post-mortem or an opinion.\n- Tag your posts (\`kubernetes\`, \`ci-cd\`, \`observability\`…) so experts find them.\n\nPlease read the rules before posting. Happy building!`,
    tags: ['meta'],
    daysAgo: 40,
    pinned: true,
    votes: 6,
    replies: [{ by: 'hiro', body: 'Thanks for setting this up, Ada!', after: 3 }],
  },
  {
    group: 'platform',
    by: 'jonas',
    kind: 'question',
    title: 'Pods restart every few hours with OOMKilled, but memory graphs look flat',
    body: `Our Go API pods on EKS get \`OOMKilled\` roughly every 3-4 hours. The memory dashboard (container_memory_working_set_bytes, 1 min resolution) never goes above 60% of the limit.\n\n\`\`\`yaml\nresources:\n  requests: { memory: 256Mi }\n  limits: { memory: 512Mi }\n\`\`\`\n\nWhat could spike so fast that the graph misses it? How would you catch it?`,
    tags: ['kubernetes', 'go', 'memory'],
    daysAgo: 12,
    votes: 5,
    replies: [
      {
        by: 'lars',
        after: 1.5,
        votes: 7,
        accepted: true,
        body: `A one-minute scrape interval will happily miss a spike that lasts two seconds. Two things I would check:\n\n1. **Large response bodies** built in memory (a report endpoint, an export). Look at the access logs just before each kill.\n2. **GOMEMLIMIT**: set it to ~80% of the container limit so the Go GC works harder before the kernel steps in.\n\nTo catch it, \`kubectl get events --field-selector reason=OOMKilling\` gives you the exact times to correlate.`,
        comments: [
          {
            by: 'jonas',
            after: 4,
            body: 'It was the CSV export endpoint. Streaming it fixed the kills. Thank you!',
          },
          { by: 'ada', after: 6, body: 'Adding GOMEMLIMIT to our service template now.' },
        ],
      },
      {
        by: 'hiro',
        after: 3,
        votes: 2,
        body: 'Also check whether a sidecar shares the pod limit. We had an Envoy sidecar buffering large uploads.',
      },
    ],
  },
  {
    group: 'platform',
    by: 'hiro',
    kind: 'question',
    title: 'Terraform state per team or one big state for the platform?',
    body: `We are splitting our platform Terraform. Today it is one state with ~2,000 resources and plans take 9 minutes.\n\nDo you split by team, by environment, or by layer (network, clusters, apps)? What went wrong when you split?`,
    tags: ['terraform', 'aws'],
    daysAgo: 8,
    votes: 4,
    replies: [
      {
        by: 'ada',
        after: 2,
        votes: 5,
        body: `By **layer first, then environment**. Layers change at very different speeds: the network changes twice a year, apps every day. Keep the blast radius small and pass outputs through remote state or SSM parameters.`,
      },
      {
        by: 'grace',
        after: 5,
        votes: 3,
        body: 'Whatever you do, make sure state buckets have versioning and that only CI can write to production state. We found three people with write access to prod state during an audit.',
      },
    ],
  },
  {
    group: 'platform',
    by: 'lars',
    kind: 'discussion',
    title: 'Post-mortem: our alerting was loud, so nobody listened',
    body: `Sharing a lesson from last quarter. We had **340 alerts** firing per week; the real incident (a certificate about to expire) was one of them and got ignored.\n\nWhat we changed:\n\n- Alerts must map to an SLO or a human action, or they are deleted.\n- Every page gets reviewed on Monday: *was it actionable?*\n- Certificates and quotas are tracked as tickets weeks ahead, not as pages.\n\nWe are down to 25 alerts a week. How do you keep alert fatigue in check?`,
    tags: ['observability', 'sre', 'incident-response'],
    daysAgo: 5,
    votes: 9,
    replies: [
      {
        by: 'kofi',
        after: 6,
        votes: 3,
        body: 'The Monday review is the key part. Without an owner, alert rules only ever grow.',
      },
      {
        by: 'amara',
        after: 20,
        votes: 2,
        body: 'We added "alert budget" to each team\'s quarterly goals. Crude, but it worked.',
      },
    ],
  },
  {
    group: 'product',
    by: 'priya',
    kind: 'announcement',
    title: 'Welcome, and how this circle works',
    body: `Welcome to the Product Leaders Circle.\n\nWe are an approval-based group so conversations can stay candid. Share what you learned, ask for advice, and please keep customer names and data out of your posts.`,
    tags: ['meta'],
    daysAgo: 35,
    pinned: true,
    votes: 4,
    replies: [],
  },
  {
    group: 'product',
    by: 'elena',
    kind: 'question',
    title: 'How do you say no to a big customer without losing the deal?',
    body: `Our largest prospect wants a custom approval workflow that nobody else has asked for. Sales says the deal depends on it. Building it would take a quarter.\n\nHow have you handled requests like this?`,
    tags: ['stakeholders', 'roadmaps', 'b2b'],
    daysAgo: 9,
    votes: 6,
    replies: [
      {
        by: 'priya',
        after: 2,
        votes: 8,
        accepted: true,
        body: `Separate the **problem** from the **requested solution**. Sit with their admins and find out what the workflow is for: usually it is audit and compliance.\n\nThen offer the smallest thing that solves *that* (in our case: an audit log export and a second-approver setting). It closed the deal and three other customers used it.`,
        comments: [
          {
            by: 'elena',
            after: 30,
            body: 'We had the call today. It really was about auditors. Thank you!',
          },
        ],
      },
      {
        by: 'amara',
        after: 4,
        votes: 3,
        body: 'Also agree with sales on a rule: custom work needs a paid statement of work. It changes the conversation quickly.',
      },
    ],
  },
  {
    group: 'product',
    by: 'sofia',
    kind: 'discussion',
    title: 'Five customer interviews changed our roadmap more than five dashboards',
    body: `We were about to build an advanced filter builder because search usage was high. Five interviews later: people searched so much because **navigation was confusing**.\n\nWe fixed navigation instead; search volume dropped 40% and task completion went up. Dashboards tell you *what*, interviews tell you *why*.`,
    tags: ['discovery', 'research'],
    daysAgo: 4,
    votes: 7,
    replies: [
      {
        by: 'mei',
        after: 5,
        votes: 2,
        body: 'Counterpoint from the analytics side: the dashboards told you where to look. Both, always both.',
      },
    ],
  },
  {
    group: 'data',
    by: 'mateo',
    kind: 'question',
    title: 'dbt incremental model produces duplicates after a backfill',
    body: `I have an incremental model with \`unique_key='order_id'\` on Snowflake. After backfilling last month, some orders appear twice.\n\n\`\`\`sql\n{{ config(materialized='incremental', unique_key='order_id') }}\nselect * from {{ ref('stg_orders') }}\n{% if is_incremental() %}\n  where updated_at > (select max(updated_at) from {{ this }})\n{% endif %}\n\`\`\`\n\nWhat am I missing?`,
    tags: ['dbt', 'sql', 'snowflake'],
    daysAgo: 6,
    votes: 4,
    replies: [
      {
        by: 'mei',
        after: 1,
        votes: 6,
        accepted: true,
        body: `Check whether \`stg_orders\` itself has duplicates for an \`order_id\` in one batch: the merge deduplicates against the target, **not within the incoming batch**. Add a \`qualify row_number() over (partition by order_id order by updated_at desc) = 1\` to the model.`,
      },
      {
        by: 'nadia',
        after: 3,
        votes: 1,
        body: 'And add a `unique` test on order_id so it fails loudly next time.',
      },
    ],
  },
  {
    group: 'data',
    by: 'nadia',
    kind: 'question',
    title: 'Forecasting weekly demand with only 18 months of history?',
    body: 'We need weekly demand forecasts for ~300 products, but we only have 18 months of history and one holiday season. Which approaches held up for you with so little data?',
    tags: ['forecasting', 'python'],
    daysAgo: 2,
    votes: 3,
    replies: [
      {
        by: 'mateo',
        after: 8,
        votes: 2,
        body: 'Pool the products: a single global model with product features beats 300 tiny ones when history is short.',
      },
    ],
  },
  {
    group: 'data',
    by: 'mei',
    kind: 'discussion',
    title: 'A metrics glossary nobody reads is worse than none',
    body: 'We wrote a 60-page metrics glossary. Nobody read it. What worked instead: definitions **next to the chart**, owners on every metric, and a monthly 15-minute "metric of the month" session.',
    tags: ['metrics', 'analytics'],
    daysAgo: 1,
    votes: 5,
    replies: [],
  },
  {
    group: 'leads',
    by: 'kofi',
    kind: 'question',
    title: 'One-on-ones across a 9-hour time difference?',
    body: 'Half my team is in Lagos and Berlin, half in Vancouver. Our overlap is one hour, which standup already eats. How do you keep one-on-ones meaningful?',
    tags: ['remote', 'one-on-ones'],
    daysAgo: 7,
    votes: 5,
    replies: [
      {
        by: 'amara',
        after: 3,
        votes: 6,
        accepted: true,
        body: `Alternate the inconvenience: every other week, I take the early or late slot, not them. And keep a shared running doc per person, so async notes carry the small things between calls.`,
      },
      {
        by: 'theo',
        after: 10,
        votes: 2,
        body: 'Walking one-on-ones by phone helped us: an evening walk for me is a morning walk for them.',
      },
    ],
  },
  {
    group: 'leads',
    by: 'theo',
    kind: 'question',
    title: 'First-time manager: how do I give critical feedback to a former peer?',
    body: 'I was promoted last month; one of my former peers keeps missing review deadlines. We are friends. How do I raise it without wrecking the relationship?',
    tags: ['feedback', 'first-time-manager'],
    daysAgo: 3,
    votes: 4,
    replies: [
      {
        by: 'kofi',
        after: 2,
        votes: 4,
        body: 'Be specific and early: "the last three reviews were two days late, and the team waited on them". Then ask what is going on. Friends deserve clarity more than anyone.',
        comments: [
          {
            by: 'theo',
            after: 20,
            body: 'Had the conversation. They were overloaded with a side project. We fixed priorities together.',
          },
        ],
      },
    ],
  },
  {
    group: 'staff',
    by: 'ada',
    kind: 'discussion',
    title: 'Moderation notes for this month',
    body: 'Two spam accounts removed in Platform; no open reports elsewhere. Reminder: write a reason when you lock or remove something, it ends up in the audit log.',
    tags: ['moderation'],
    daysAgo: 2,
    replies: [
      {
        by: 'priya',
        after: 4,
        body: 'Thanks. Product has been calm, three new members approved this week.',
      },
    ],
  },
];
