// The operators' live console: a snapshot, then every change, read from the service's Server-Sent Events stream.
// EventSource cannot send an Authorization header, so the stream is read with fetch() and parsed here.
'use strict';

(function () {
  const TOKEN_KEY = 'liandong.console.token';
  const LANG_KEY = 'liandong.console.lang';
  const API = new URL('../api/v1/console/', document.baseURI.replace(/\/console$/, '/console/'));

  // --- words, in both languages ---------------------------------------------------------------------------------
  const WORDS = {
    zh: {
      title: '指挥中心实时态势', offline: '未连接', live: '实时', reconnecting: '重连中…', logout: '退出',
      loginTitle: '登录', loginHelp: '粘贴身份提供方签发的访问令牌（角色：hq-operator、hq-commander 或 auditor）。',
      signIn: '登录', loginRejected: '令牌无效或无权查看态势（需要 hq-operator、hq-commander 或 auditor）。',
      map: '滨江区态势图', surges: '诉求激增预警', delays: '信息延迟（近 5 分钟）', hop: '环节', eventType: '事件',
      activity: '动态', openIncidents: '处置中事件', recentlyClosed: '近期已结事件', none: '暂无',
      assignments: '派单', agency: '单位', status: '状态', acknowledge: '签收', onScene: '到场', escalations: '升级',
      milestones: '现场节点', mediation: '调解', commitments: '承诺事项', owner: '责任方', due: '期限',
      overdue: '逾期', breached: '超时', done: '已完成', left: '剩余', late: '超时', review: '复盘',
      crowd: '人', grievances: '件诉求', openedAs: '已立事件', replaying: '正在重建态势…', unknownIncident: '（报告早于回放窗口）',
      level: '级', sessions: '次会谈',
      mediationState: { none: '未开始', 'in-session': '调解中', proposal: '方案磋商', agreed: '已达成协议', failed: '调解失败' },
      severity: { low: '低', medium: '中', high: '高', critical: '特别严重' },
      incidentStatus: { reported: '已报告', dispatched: '已派单', 'on-scene': '已到场', 'under-control': '已控制',
        mediating: '调解中', resolved: '已化解', closed: '已结案', cancelled: '已撤销' },
      assignmentStatus: { notified: '已通知', acknowledged: '已签收', 'en-route': '在途', 'on-scene': '已到场', released: '已撤离' },
      commitmentStatus: { agreed: '已约定', pending: '待办', 'in-progress': '进行中', done: '已完成', verified: '已核实',
        disputed: '有异议', reopened: '重新打开' },
      role: { police: '公安', 'competent-department': '主管部门', community: '社区', health: '卫健' },
      incidentType: { 'commercial-dispute': '商业纠纷', 'wage-dispute': '欠薪纠纷', 'property-management-dispute': '物业纠纷',
        'public-order-gathering': '聚集事件' },
      topic: { 'liandong.grievance.events': '诉求 → 指挥', 'liandong.dispatch.events': '指挥 → 指挥',
        'liandong.department.events': '部门 → 指挥', 'liandong.followup.events': '跟踪 → 指挥' },
      types: {
        'grievance.received': '收到诉求', 'grievance.triaged': '诉求分拣', 'grievance.linked': '诉求关联', 'grievance.closed': '诉求办结',
        'grievance.reopened': '诉求重开', 'grievance.surge-detected': '诉求激增', 'incident.reported': '事件报告',
        'incident.status-changed': '事件状态', 'incident.severity-changed': '等级调整', 'assignment.created': '派单',
        'assignment.deadline-warning': '时限预警', 'assignment.deadline-breached': '处置超时', 'assignment.escalated': '升级督办',
        'milestone.recorded': '现场节点', 'assignment.status-changed': '派单状态', 'alert.published': '公众预警',
        'assignment.acknowledged': '签收', 'assignment.en-route': '出发', 'assignment.on-scene': '到场', 'assignment.released': '撤离',
        'assignment.referred': '转派', 'assignment.note-added': '备注', 'mediation.session-held': '调解会谈',
        'mediation.proposal-made': '调解方案', 'mediation.proposal-answered': '方案答复', 'resolution.agreed': '达成协议',
        'resolution.failed': '调解失败', 'followup.plan-created': '跟踪计划', 'followup.item-updated': '事项更新',
        'followup.item-overdue': '承诺逾期', 'followup.item-escalated': '逾期升级', 'followup.verification-requested': '请求核实',
        'followup.item-verified': '已核实', 'followup.item-reopened': '事项重开', 'review.published': '复盘发布'
      }
    },
    en: {
      title: "Operators' live console", offline: 'offline', live: 'live', reconnecting: 'reconnecting…', logout: 'Sign out',
      loginTitle: 'Sign in', loginHelp: "Paste an access token from the identity provider (role hq-operator, hq-commander or auditor).",
      signIn: 'Sign in', loginRejected: 'The token is not valid or may not watch the console (hq-operator, hq-commander or auditor).',
      map: 'Binjiang district', surges: 'Grievance surge warnings', delays: 'Information delay (last 5 min)', hop: 'Hop',
      eventType: 'Event', activity: 'Activity', openIncidents: 'Open incidents', recentlyClosed: 'Recently closed', none: 'none',
      assignments: 'Assignments', agency: 'Agency', status: 'Status', acknowledge: 'Acknowledge', onScene: 'On scene',
      escalations: 'Escalations', milestones: 'Scene milestones', mediation: 'Mediation', commitments: 'Commitments',
      owner: 'Owner', due: 'Due', overdue: 'OVERDUE', breached: 'BREACHED', done: 'done', left: 'left', late: 'late',
      review: 'After-action review', crowd: 'people', grievances: 'grievances', openedAs: 'opened as',
      replaying: 'rebuilding the picture…', unknownIncident: '(reported before the replay window)', level: 'level',
      sessions: 'sessions',
      mediationState: { none: 'not started', 'in-session': 'in session', proposal: 'proposal on the table', agreed: 'agreed',
        failed: 'failed' },
      severity: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
      incidentStatus: {}, assignmentStatus: {}, commitmentStatus: {}, role: {}, incidentType: {},
      topic: { 'liandong.grievance.events': 'grievance → console', 'liandong.dispatch.events': 'dispatch → console',
        'liandong.department.events': 'department → console', 'liandong.followup.events': 'follow-up → console' },
      types: {}
    }
  };
  let lang = localStorage.getItem(LANG_KEY) || 'zh';
  const t = (key) => WORDS[lang][key] ?? WORDS.en[key] ?? key;
  const word = (group, key) => (key == null ? '' : (WORDS[lang][group] || {})[key] || key);
  const shortType = (type) => String(type || '').replace(/^io\.liandong\./, '').replace(/\.v\d+$/, '');

  // --- state ---------------------------------------------------------------------------------------------------
  const state = { incidents: new Map(), closed: new Map(), surges: new Map(), activity: [], delays: [], replaying: false };
  let lastEventId = null;
  let clockOffset = 0; // server time minus browser time
  let connection = null;
  let retryDelay = 500;

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const now = () => Date.now() + clockOffset;
  const hhmmss = (iso) => (iso ? new Date(iso).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }) : '');
  const day = (iso) => (iso ? new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '');
  function span(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s >= 86400) return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }

  // --- login ---------------------------------------------------------------------------------------------------
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function showLogin(message) {
    if (connection) connection.abort();
    connection = null;
    $('console').hidden = true;
    $('login').hidden = false;
    $('login-error').hidden = !message;
    $('login-error').textContent = message || '';
    setConnection('offline');
  }

  function start() {
    $('login').hidden = true;
    $('console').hidden = false;
    connect();
  }

  // --- the stream ----------------------------------------------------------------------------------------------
  function setConnection(status) {
    const el = $('connection');
    el.className = 'connection ' + status;
    el.dataset.status = status;
    el.textContent = t(status) + (state.replaying && status === 'live' ? ' · ' + t('replaying') : '');
  }

  async function connect() {
    const controller = new AbortController();
    connection = controller;
    const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    try {
      const response = await fetch(new URL('stream', API), { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        sessionStorage.removeItem(TOKEN_KEY);
        showLogin(t('loginRejected'));
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      setConnection('live');
      retryDelay = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      throw new Error('stream ended');
    } catch (e) {
      if (controller.signal.aborted || connection !== controller) return;
      setConnection('reconnecting');
      setTimeout(() => { if (connection === controller) connect(); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    }
  }

  function dispatch(block) {
    let id = null, name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    const payload = JSON.parse(data.join('\n'));
    if (name === 'snapshot') applySnapshot(payload);
    else if (name === 'change') applyChange(payload);
    else if (name === 'delays') { state.delays = payload; renderDelays(); }
    if (id) {
      lastEventId = id;
      $('last-event').textContent = '#' + id;
    }
  }

  function applySnapshot(s) {
    clockOffset = Date.parse(s.serverTime) - Date.now();
    state.incidents = new Map(s.incidents.map((i) => [i.incidentId, i]));
    state.closed = new Map(s.recentlyClosed.map((i) => [i.incidentId, i]));
    state.surges = new Map(s.surges.map((x) => [x.clusterId, x]));
    state.activity = s.activity;
    state.delays = s.delays;
    state.replaying = s.replaying;
    setConnection('live');
    renderAll();
  }

  function applyChange(c) {
    if (c.incident) {
      const i = c.incident;
      if (i.open) { state.incidents.set(i.incidentId, i); state.closed.delete(i.incidentId); }
      else { state.incidents.delete(i.incidentId); state.closed.set(i.incidentId, i); }
    }
    if (c.evictedIncidentId) state.closed.delete(c.evictedIncidentId);
    if (c.surge) state.surges.set(c.surge.clusterId, c.surge);
    if (c.activity) {
      // A line that counts links in a row comes again under the id of its first: it replaces itself.
      if (state.activity.length && state.activity[0].eventId === c.activity.eventId) state.activity[0] = c.activity;
      else state.activity.unshift(c.activity);
      state.activity.length = Math.min(state.activity.length, 200);
    }
    renderAll();
  }

  // --- drawing -------------------------------------------------------------------------------------------------
  function renderAll() {
    renderMap();
    renderIncidents();
    renderSurges();
    renderActivity();
    renderDelays();
    tick();
  }

  function renderIncidents() {
    const open = [...state.incidents.values()].sort((a, b) => String(b.reportedAt).localeCompare(String(a.reportedAt)));
    $('open-count').textContent = open.length;
    $('incidents').innerHTML = open.map(card).join('') || '<p class="muted">' + t('none') + '</p>';
    const closed = [...state.closed.values()].reverse();
    $('closed').innerHTML = closed.map(card).join('') || '<p class="muted">' + t('none') + '</p>';
  }

  function card(i) {
    const sev = i.severity || 'medium';
    const title = i.known ? word('incidentType', i.incidentType) : i.incidentId;
    const place = i.place ? esc(i.place.address) : '<span class="muted">' + t('unknownIncident') + '</span>';
    return `<article class="incident severity-${esc(sev)}${i.open ? '' : ' closed'}" data-incident-id="${esc(i.incidentId)}">
      <header>
        <h3>${esc(title)}</h3>
        <span class="tag sev">${esc(word('severity', sev))}</span>
        <span class="tag status" data-status="${esc(i.status)}">${esc(word('incidentStatus', i.status))}</span>
        ${i.estimatedCrowdSize ? `<span class="tag">${esc(i.estimatedCrowdSize)} ${t('crowd')}</span>` : ''}
        <span class="muted">${esc(i.incidentId)} · ${esc(day(i.reportedAt))} ${esc(hhmmss(i.reportedAt))}</span>
      </header>
      <div class="address">${place}</div>
      ${assignments(i)}
      ${escalations(i)}
      ${milestones(i)}
      ${mediation(i)}
      ${commitments(i)}
      ${i.review ? `<div class="review">${t('review')}: ${esc(i.review.summary || '')} (${esc(i.review.breachCount)} ${t('breached')})</div>` : ''}
    </article>`;
  }

  function assignments(i) {
    if (!i.assignments.length) return '';
    const rows = i.assignments.map((a) => {
      const breached = a.acknowledge.breached || a.onScene.breached;
      return `<tr class="assignment${breached ? ' breached' : ''}" data-assignment-id="${esc(a.assignmentId)}">
        <td>${esc(a.agencyId)} <span class="muted">${esc(word('role', a.agencyRole))}</span>${breached ? ` <span class="breach-flag">${t('breached')}</span>` : ''}</td>
        <td>${esc(word('assignmentStatus', a.status))}</td>
        <td>${clock(a.acknowledge)}</td>
        <td>${clock(a.onScene)}</td>
        <td>${a.escalationLevel ? `<span class="escalation">↑${esc(a.escalationLevel)} ${esc(a.escalatedTo || '')}</span>` : ''}</td>
      </tr>`;
    }).join('');
    return `<div class="section-title">${t('assignments')}</div>
      <table><thead><tr><th>${t('agency')}</th><th>${t('status')}</th><th>${t('acknowledge')}</th><th>${t('onScene')}</th><th>${t('escalations')}</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  function clock(c) {
    if (!c || !c.dueAt) return '';
    return `<span class="countdown" data-start="${esc(c.startedAt || '')}" data-due="${esc(c.dueAt)}" data-done="${esc(c.doneAt || '')}" data-breached="${c.breached}"></span>`;
  }

  // Colours by the fraction of the allowed time left: green above half, amber above a fifth, red below or late.
  function tick() {
    const t0 = now();
    for (const el of document.querySelectorAll('.countdown')) {
      const due = Date.parse(el.dataset.due);
      const start = el.dataset.start ? Date.parse(el.dataset.start) : due;
      if (el.dataset.done) {
        const done = Date.parse(el.dataset.done);
        el.className = 'countdown done';
        el.textContent = '✓ ' + span(done - start) + (done > due ? ' (' + t('late') + ' ' + span(done - due) + ')' : '');
        continue;
      }
      const left = due - t0;
      const fraction = due > start ? left / (due - start) : 0;
      const colour = el.dataset.breached === 'true' || left <= 0 ? 'red' : fraction > 0.5 ? 'green' : fraction > 0.2 ? 'amber' : 'red';
      el.className = 'countdown ' + colour;
      if (el.dataset.breached === 'true') el.textContent = t('breached') + (left < 0 ? ' +' + span(-left) : '');
      else el.textContent = left > 0 ? span(left) + ' ' + t('left') : '+' + span(-left) + ' ' + t('late');
    }
  }

  function escalations(i) {
    if (!i.escalations.length) return '';
    return `<div class="section-title">${t('escalations')}</div>` + i.escalations.slice(-4).map((e) =>
      `<div class="escalation">↑ ${esc(hhmmss(e.at))} ${esc(e.agencyId || e.subjectId)} → ${esc(e.escalatedTo)} (${t('level')} ${esc(e.level)}) — ${esc(e.reason || '')}</div>`).join('');
  }

  function milestones(i) {
    if (!i.milestones.length) return '';
    return `<div class="section-title">${t('milestones')}</div><div class="milestones">` + i.milestones.map((m) =>
      `<span class="tag" title="${esc(m.note || '')}">✓ ${esc(m.milestone)} ${esc(hhmmss(m.recordedAt))}</span>`).join('') + '</div>';
  }

  function mediation(i) {
    const m = i.mediation;
    if (!m || m.state === 'none') return '';
    return `<div class="section-title">${t('mediation')}</div><div class="mediation" data-state="${esc(m.state)}">
      <span class="state-${esc(m.state)}">${esc(word('mediationState', m.state))}</span>
      ${m.sessions ? ` · ${esc(m.sessions)} ${t('sessions')}` : ''} ${m.mediatingAgencyId ? ' · ' + esc(m.mediatingAgencyId) : ''}
      ${m.summary ? `<div class="muted">${esc(m.summary)}</div>` : ''}</div>`;
  }

  function commitments(i) {
    if (!i.commitments.length) return '';
    const rows = i.commitments.map((c) => `<tr class="commitment${c.overdue ? ' overdue' : ''}${c.status === 'verified' ? ' verified' : ''}" data-item-id="${esc(c.key)}">
        <td>${esc(c.action || c.key)}${c.overdue ? ` <span class="overdue-flag">${t('overdue')}</span>` : ''}</td>
        <td>${esc(c.ownerId || '')}</td><td>${esc(day(c.dueAt))}</td>
        <td>${esc(word('commitmentStatus', c.status))}${c.escalationLevel ? ` <span class="escalation">↑${esc(c.escalationLevel)}</span>` : ''}</td></tr>`).join('');
    return `<div class="section-title">${t('commitments')}</div>
      <table><thead><tr><th>${t('commitments')}</th><th>${t('owner')}</th><th>${t('due')}</th><th>${t('status')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  function renderSurges() {
    const list = [...state.surges.values()].sort((a, b) => String(b.detectedAt).localeCompare(String(a.detectedAt)));
    $('surges').innerHTML = list.map((s) => `<li class="surge${s.incidentId ? ' opened' : ''}" data-cluster-id="${esc(s.clusterId)}">
        <strong>${esc(s.count)} ${t('grievances')}</strong> · ${esc(s.category)}${s.disputeType ? ' / ' + esc(s.disputeType) : ''}
        <div class="muted">${esc(s.areaCode)} · ${esc(hhmmss(s.windowStart))}–${esc(hhmmss(s.windowEnd))}${s.incidentId ? ' · ' + t('openedAs') + ' ' + esc(s.incidentId) : ''}</div></li>`).join('')
      || '<li class="muted">' + t('none') + '</li>';
  }

  function renderActivity() {
    $('activity').innerHTML = state.activity.slice(0, 60).map((a) => `<li class="${a.alarm ? 'alarm' : ''}" data-type="${esc(a.type)}">
        <time>${esc(hhmmss(a.time))}</time>${esc(word('types', shortType(a.type)))} <span class="muted">${esc(a.incidentId || a.subject)}</span> ${esc(a.detail || '')}</li>`).join('');
  }

  function renderDelays() {
    $('delays').querySelector('tbody').innerHTML = state.delays.map((d) => `<tr data-type="${esc(d.type)}">
        <td>${esc(word('topic', d.topic))}</td><td>${esc(word('types', shortType(d.type)))}</td><td>${esc(d.count)}</td>
        <td>${esc(d.p50Millis)} ms</td><td>${esc(d.p99Millis)} ms</td></tr>`).join('')
      || `<tr><td colspan="5" class="muted">${t('none')}</td></tr>`;
  }

  // --- the district map: an equirectangular projection of an approximate outline, drawn here -------------------
  const BOUNDS = { north: 30.240, south: 30.132, west: 120.120, east: 120.258 };
  const W = 800, H = 560;
  const KX = Math.cos((30.19 * Math.PI) / 180);
  const scale = Math.min(W / ((BOUNDS.east - BOUNDS.west) * KX), H / (BOUNDS.north - BOUNDS.south));
  const project = (lat, lon) => [(lon - BOUNDS.west) * KX * scale, (BOUNDS.north - lat) * scale];
  const OUTLINE = [[30.2106, 120.1340], [30.2125, 120.1500], [30.2170, 120.1700], [30.2230, 120.1900], [30.2290, 120.2100],
    [30.2300, 120.2280], [30.2250, 120.2420], [30.2080, 120.2470], [30.1900, 120.2400], [30.1720, 120.2300],
    [30.1580, 120.2150], [30.1450, 120.1980], [30.1420, 120.1800], [30.1500, 120.1600], [30.1650, 120.1450],
    [30.1850, 120.1350], [30.2000, 120.1300]];
  const RIVER = [[30.2000, 120.1180], [30.2150, 120.1320], [30.2190, 120.1500], [30.2240, 120.1700], [30.2310, 120.1900],
    [30.2370, 120.2100], [30.2380, 120.2300], [30.2330, 120.2600]];
  const PLACES = [[30.1985, 120.2230, '西兴 Xixing'],
    [30.1840, 120.1930, '长河 Changhe'], [30.1760, 120.1590, '浦沿 Puyan']];
  const path = (points) => points.map(([la, lo], n) => (n ? 'L' : 'M') + project(la, lo).map((v) => v.toFixed(1)).join(' ')).join(' ');

  function renderMap() {
    const grid = [];
    for (let lon = 120.13; lon < BOUNDS.east; lon += 0.02) {
      const [x] = project(0, lon);
      grid.push(`<line class="grid" x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${H}"/>`);
    }
    for (let lat = 30.14; lat < BOUNDS.north; lat += 0.02) {
      const [, y] = project(lat, 0 + BOUNDS.west);
      grid.push(`<line class="grid" x1="0" y1="${y.toFixed(1)}" x2="${W}" y2="${y.toFixed(1)}"/>`);
    }
    const [rx, ry] = project(30.2345, 120.160);
    const km = scale / 111.32; // one kilometre (of latitude), in pixels
    const surges = [...state.surges.values()].filter((s) => s.lat != null && !s.incidentId).map((s) => {
      const [x, y] = project(s.lat, s.lon);
      const r = Math.max(10, (s.radiusMeters / 1000) * km);
      return `<circle class="surge" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${esc(s.count + ' ' + t('grievances') + ' · ' + s.category)}</title></circle>`;
    });
    const markers = [...state.incidents.values()].filter((i) => i.place && i.place.lat != null).map((i) => {
      const [x, y] = project(i.place.lat, i.place.lon);
      const alarm = i.assignments.some((a) => a.acknowledge.breached || a.onScene.breached) || i.commitments.some((c) => c.overdue);
      return `<g data-incident-id="${esc(i.incidentId)}">
        ${alarm ? `<circle class="alarm-ring" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="12"/>` : ''}
        <circle class="marker severity-${esc(i.severity)}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9"><title>${esc(i.incidentId + ' · ' + (i.place.address || ''))}</title></circle>
        <text class="marker-label" x="${(x + 13).toFixed(1)}" y="${(y + 4).toFixed(1)}">${esc(word('incidentType', i.incidentType))} · ${esc(word('incidentStatus', i.status))}</text></g>`;
    });
    const places = PLACES.map(([la, lo, name]) => {
      const [x, y] = project(la, lo);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2.5" fill="#4d6a85"/><text class="label" x="${(x + 6).toFixed(1)}" y="${(y - 6).toFixed(1)}">${esc(name)}</text>`;
    });
    const [sx, sy] = [W - 130, H - 24];
    $('map').innerHTML = grid.join('') +
      `<path class="river" d="${path(RIVER)}"/><text class="river-label" x="${rx.toFixed(1)}" y="${(ry - 18).toFixed(1)}">钱塘江 Qiantang River</text>` +
      `<path class="district" d="${path(OUTLINE)} Z"/>` + places.join('') + surges.join('') + markers.join('') +
      `<line x1="${sx}" y1="${sy}" x2="${(sx + km).toFixed(1)}" y2="${sy}" stroke="#8ea2b5" stroke-width="3"/>` +
      `<text class="label" x="${sx}" y="${sy - 6}">1 km</text>` +
      `<text class="label" x="12" y="${H - 10}">滨江区 Binjiang District · ${lang === 'zh' ? '示意图' : 'sketch'}</text>`;
  }

  // --- language ------------------------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    $('language').textContent = lang === 'zh' ? 'EN' : '中文';
    setConnection($('connection').dataset.status || 'offline');
    renderAll();
  }

  // --- start ---------------------------------------------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = $('token').value.trim().replace(/^Bearer\s+/i, '');
      if (!value) return;
      sessionStorage.setItem(TOKEN_KEY, value);
      $('token').value = '';
      lastEventId = null;
      start();
    });
    $('logout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showLogin(); });
    $('language').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem(LANG_KEY, lang);
      applyLanguage();
    });
    setInterval(tick, 1000);
    applyLanguage();
    if (token()) start(); else showLogin();
  });
})();
