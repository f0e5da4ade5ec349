// Boxoffice pages: small Alpine.js components that call the public API as the signed-in account.
// The page carries a short-lived bearer token (<meta name="api-token">); holds and orders send a
// fresh Idempotency-Key, and holds on a waiting-room event send the admission token the waiting
// room page stored for this tab.

const Boxoffice = (() => {
  const token = () => document.querySelector('meta[name="api-token"]')?.content;
  const admissionKey = (eventId) => `boxoffice.admission.${eventId}`;

  // The page's token lasts 15 minutes; a page open longer (a long wait in line) gets a new one
  // from its session and tries again once.
  async function renewToken() {
    const response = await fetch('/me/api-token', { headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    document.querySelector('meta[name="api-token"]').content = (await response.json()).token;
    return true;
  }

  async function api(path, options = {}, retried = false) {
    const response = await call(path, options);
    if (response.status === 401 && token() && !retried && await renewToken()) {
      return api(path, options, true);
    }
    return response;
  }

  async function call(path, { method = 'GET', body, headers = {} } = {}) {
    const h = { Accept: 'application/json, application/problem+json', ...headers };
    if (token()) h.Authorization = `Bearer ${token()}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (method === 'POST') h['Idempotency-Key'] = crypto.randomUUID();
    // the API authenticates by the bearer token alone: the page's session cookie stays home
    const response = await fetch(path, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, ok: response.ok, json };
  }

  function money(cents, currency) {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  }

  function admission(eventId) {
    const stored = sessionStorage.getItem(admissionKey(eventId));
    if (!stored) return null;
    const { token: t, expiresAt } = JSON.parse(stored);
    return Date.parse(expiresAt) > Date.now() ? t : null;
  }

  function admit(eventId, admissionToken, expiresAt) {
    sessionStorage.setItem(admissionKey(eventId), JSON.stringify({ token: admissionToken, expiresAt }));
  }

  return { api, money, admission, admit };
})();

let eventId, currency, tierCents, waitingRoom, signedIn; // the event page's settings

document.addEventListener('alpine:init', () => {
  // The event page: pick seats on the map (or in the list), best available, GA quantities; live
  // availability over SSE; Hold creates the hold all-or-nothing and opens the checkout.
  Alpine.data('seatPicker', () => ({
    selected: [],
    message: '',
    busy: false,
    bestQuantity: 2,
    bestTier: '',
    sectionSeats: '',
    zoom: 1,
    gaQuantity: {},
    needsAdmission: false,
    init() {
      const d = this.$el.dataset;
      eventId = d.eventId;
      currency = d.currency;
      tierCents = JSON.parse(d.tierCents);
      waitingRoom = d.waitingRoom === 'true';
      signedIn = d.signedIn === 'true';
      this.needsAdmission = waitingRoom && !Boxoffice.admission(eventId);
      const source = new EventSource(`/api/v1/events/${eventId}/availability/stream`);
      source.addEventListener('availability', (e) => {
        const change = JSON.parse(e.data);
        (change.taken || []).forEach((id) => this.mark(id, true));
        (change.freed || []).forEach((id) => this.mark(id, false));
      });
      window.addEventListener('beforeunload', () => source.close());
    },
    seat(id) { return document.querySelector(`[data-seat-id="${id}"]`); },
    mark(id, taken) {
      this.seat(id)?.classList.toggle('unavailable', taken);
      const box = document.getElementById(`pick-${id}`);
      if (box) box.disabled = taken;
      if (taken && this.selected.some((s) => s.id === id)) {
        this.selected = this.selected.filter((s) => s.id !== id);
        this.message = 'A seat you picked was just taken by someone else.';
      }
    },
    // drag to pan a zoomed map; a drag is not a click on the seat it ends on
    pan: null,
    dragged: false,
    panStart(e) {
      this.dragged = false;
      if (this.zoom > 1) this.pan = { x: e.clientX, y: e.clientY, left: e.currentTarget.scrollLeft, top: e.currentTarget.scrollTop };
    },
    panMove(e) {
      if (!this.pan || !e.buttons) return;
      const dx = e.clientX - this.pan.x; const dy = e.clientY - this.pan.y;
      if (Math.abs(dx) + Math.abs(dy) > 5) this.dragged = true;
      e.currentTarget.scrollLeft = this.pan.left - dx;
      e.currentTarget.scrollTop = this.pan.top - dy;
    },
    toggle(event) {
      if (this.dragged) { this.dragged = false; return; }
      const el = event.target.closest('[data-seat-id]');
      if (!el || el.classList.contains('unavailable')) return;
      this.toggleId(el.dataset.seatId);
    },
    toggleId(id) {
      const el = this.seat(id);
      if (this.selected.some((s) => s.id === id)) {
        this.selected = this.selected.filter((s) => s.id !== id);
      } else {
        const tier = [...el.classList].find((c) => /^t\d+$/.test(c));
        this.selected = [...this.selected, { id, label: el.getAttribute('aria-label'), cents: tierCents[tier] || 0 }];
      }
      el.classList.toggle('selected', this.selected.some((s) => s.id === id));
      const box = document.getElementById(`pick-${id}`);
      if (box) box.checked = this.selected.some((s) => s.id === id);
    },
    async loadSection(sectionId) {
      if (!sectionId) { this.sectionSeats = ''; return; }
      const response = await fetch(`/events/${eventId}/sections/${sectionId}/seats`);
      this.sectionSeats = await response.text();
      this.$nextTick(() => this.selected.forEach((s) => {
        const box = document.getElementById(`pick-${s.id}`);
        if (box) box.checked = true;
      }));
    },
    get total() { return Boxoffice.money(this.selected.reduce((sum, s) => sum + s.cents, 0), currency); },
    holdSeats() { return this.hold({ seats: this.selected.map((s) => s.id) }); },
    holdBest() {
      const best = { quantity: Number(this.bestQuantity) };
      if (this.bestTier) best.tier = this.bestTier;
      return this.hold({ bestAvailable: best });
    },
    holdArea(sectionId) { return this.hold({ section: sectionId, quantity: Number(this.gaQuantity[sectionId] || 1) }); },
    async hold(body) {
      if (!signedIn) { window.location = `/login?event=${eventId}`; return; }
      this.busy = true;
      this.message = '';
      const admission = Boxoffice.admission(eventId);
      const response = await Boxoffice.api(`/api/v1/events/${eventId}/holds`, {
        method: 'POST', body, headers: admission ? { 'Admission-Token': admission } : {},
      });
      this.busy = false;
      if (response.status === 201) {
        window.location = `/checkout/${response.json.holdId}`;
      } else if (response.status === 409 && response.json?.unavailableSeats) {
        const names = response.json.unavailableSeats.map((id) => this.seat(id)?.getAttribute('aria-label') || id);
        response.json.unavailableSeats.forEach((id) => this.mark(id, true));
        this.message = `Sorry, just taken: ${names.join('; ')}. Nothing was held; pick other seats.`;
      } else if (response.status === 403 && waitingRoom) {
        window.location = `/events/${eventId}/queue`;
      } else {
        this.message = response.json?.detail || 'Something went wrong; please try again.';
      }
    },
  }));

  // The checkout page: countdown from the server's expiresAt, release, pay, then the tickets.
  Alpine.data('checkout', (holdId, eventId, expiresAt) => ({
    remaining: 0,
    expired: false,
    paying: false,
    error: '',
    order: null,
    tickets: [],
    card: 'tok_ok',
    timer: null,
    init() {
      this.tick();
      this.timer = setInterval(() => this.tick(), 1000);
    },
    tick() {
      if (this.order) return;
      this.remaining = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
      if (this.remaining === 0 && !this.paying) { this.expired = true; clearInterval(this.timer); }
    },
    get clock() {
      const m = Math.floor(this.remaining / 60);
      const s = String(this.remaining % 60).padStart(2, '0');
      return `${m}:${s}`;
    },
    async release() {
      await Boxoffice.api(`/api/v1/holds/${holdId}`, { method: 'DELETE' });
      window.location = `/events/${eventId}`;
    },
    async pay() {
      this.paying = true;
      this.error = '';
      const response = await Boxoffice.api('/api/v1/orders', {
        method: 'POST', body: { holdId, payment: { method: 'card', token: this.card } },
      });
      if (response.status === 201 || response.status === 202) {
        await this.follow(response.json.orderId);
      } else if (response.status === 409 && /expired/i.test(response.json?.detail || '')) {
        this.expired = true;
      } else {
        this.error = response.json?.detail || 'The payment did not go through; please try again.';
      }
      this.paying = false;
    },
    async follow(orderId) {
      for (let i = 0; i < 60; i++) {
        const response = await Boxoffice.api(`/api/v1/orders/${orderId}`);
        const status = response.json?.status;
        if (['CONFIRMED', 'CAPTURING', 'COMPLETED'].includes(status) && response.json.tickets?.length) {
          this.order = response.json;
          clearInterval(this.timer);
          await this.loadTickets(response.json.tickets);
          return;
        }
        if (['FAILED', 'CANCELLED', 'DECLINED'].includes(status)) {
          this.error = response.json?.failureReason || 'The payment did not go through.';
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      this.error = 'Your payment is still being processed; your tickets will appear under My tickets.';
    },
    async loadTickets(tickets) {
      this.tickets = await Promise.all(tickets.map(async (t) => {
        const view = await Boxoffice.api(`/api/v1/tickets/${t.ticketId}`);
        return { ...view.json, qr: await image(`/api/v1/tickets/${t.ticketId}/qr.png`) };
      }));
    },
  }));

  // The waiting room: join once, then watch the place until admitted.
  Alpine.data('waitingRoom', (eventId) => ({
    entry: null,
    error: '',
    async init() {
      const joined = await Boxoffice.api(`/api/v1/events/${eventId}/queue`, { method: 'POST' });
      if (!joined.ok) { this.error = joined.json?.detail || 'The waiting room is unavailable; retrying…'; }
      else { this.entry = joined.json; }
      setInterval(() => this.poll(), 2000);
    },
    async poll() {
      if (!this.entry) { return this.init(); }
      const response = await Boxoffice.api(`/api/v1/events/${eventId}/queue/${this.entry.queueId}`);
      if (!response.ok) { this.error = 'Reconnecting…'; return; }
      this.error = '';
      this.entry = response.json;
      if (this.entry.status === 'ADMITTED') {
        Boxoffice.admit(eventId, this.entry.admissionToken, this.entry.admissionExpiresAt);
        window.location = `/events/${eventId}`;
      }
    },
    get waitText() {
      const s = this.entry?.estimatedWaitSeconds;
      if (s === null || s === undefined) return 'We will estimate your wait once admission starts.';
      return s < 60 ? 'Less than a minute' : `About ${Math.ceil(s / 60)} minutes`;
    },
  }));

  // The scanner: paste or type a barcode, get a big answer.
  Alpine.data('scanner', () => ({
    barcode: '',
    gate: 'Main gate',
    result: null,
    async scan() {
      const response = await Boxoffice.api('/api/v1/check-ins', {
        method: 'POST', body: { barcode: this.barcode.trim(), gate: this.gate },
      });
      this.result = response.json?.result ? response.json : { result: 'FORGED', reason: response.json?.detail || 'Not a ticket' };
      this.barcode = '';
      this.$nextTick(() => this.$refs.barcode.focus());
    },
    camera: false,
    // a photo or a camera frame: the server reads the QR code, then the ticket is checked in
    async readAndScan(picture, quiet) {
      const token = document.querySelector('meta[name="api-token"]')?.content;
      const response = await fetch('/api/v1/barcodes/read', {
        method: 'POST', body: picture, credentials: 'omit',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': picture.type || 'image/jpeg' },
      });
      if (response.ok) {
        this.barcode = (await response.json()).barcode;
        await this.scan();
        return true;
      }
      if (!quiet) this.result = { result: 'NONE', reason: 'No readable QR code in the picture; try again' };
      return false;
    },
    async photo(event) {
      const file = event.target.files[0];
      if (file) await this.readAndScan(file, false);
      event.target.value = '';
    },
    async startCamera() {
      const video = this.$refs.video;
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      await video.play();
      this.camera = true;
      const canvas = document.createElement('canvas');
      const look = async () => {
        if (!this.camera) return;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext('2d').drawImage(video, 0, 0);
        const frame = await new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.8));
        const found = frame && await this.readAndScan(frame, true);
        setTimeout(look, found ? 2500 : 700); // after a ticket, give the next person a moment
      };
      look();
    },
    stopCamera() {
      this.camera = false;
      this.$refs.video.srcObject?.getTracks().forEach((t) => t.stop());
    },
    get tone() {
      if (!this.result) return '';
      return { ADMITTED: 'ok', ALREADY_USED: 'warn' }[this.result.result] || 'bad';
    },
  }));

  // My orders, with cancellation where the event allows it.
  Alpine.data('myOrders', () => ({
    orders: null,
    message: '',
    async init() { await this.load(); },
    async load() {
      const response = await Boxoffice.api('/api/v1/me/orders');
      this.orders = response.json || [];
    },
    async cancel(order) {
      if (!window.confirm('Cancel this order? You get your money back and the tickets become void.')) return;
      const response = await Boxoffice.api(`/api/v1/orders/${order.orderId}/cancel`, { method: 'POST' });
      this.message = response.ok ? 'Your order is cancelled; the refund is on its way.' : (response.json?.detail || 'This order cannot be cancelled.');
      await this.load();
    },
    money(m) { return Boxoffice.money(m.amount, m.currency); },
  }));

  // My tickets, with their QR codes and PDFs (fetched with the page's token).
  Alpine.data('myTickets', () => ({
    tickets: null,
    async init() {
      const response = await Boxoffice.api('/api/v1/me/tickets');
      this.tickets = await Promise.all((response.json || []).map(async (t) => ({ ...t, qr: await image(`/api/v1/tickets/${t.ticketId}/qr.png`) })));
    },
    async pdf(ticket) {
      const url = await image(`/api/v1/tickets/${ticket.ticketId}/ticket.pdf`);
      window.open(url, '_blank');
    },
  }));
});

async function image(path) {
  const token = document.querySelector('meta[name="api-token"]')?.content;
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' });
  return URL.createObjectURL(await response.blob());
}

// The box office: venue with a live preview, event set-up, live sales.
document.addEventListener('alpine:init', () => {
  const ROW_GAP = 3; // empty rows between stacked sections on the generated plan

  Alpine.data('venueForm', () => ({
    name: '', city: '', address: '', busy: false, error: '',
    sections: [{ name: 'Stalls', kind: 'SEATED', rows: 10, seatsPerRow: 20, capacity: 500 }],
    add() { this.sections.push({ name: '', kind: 'SEATED', rows: 5, seatsPerRow: 10, capacity: 500 }); },
    // seated sections are stacked front to back; the preview draws the same plan the server makes
    layout() {
      let y = 0;
      return this.sections.map((s) => {
        const placed = { ...s, originY: y };
        if (s.kind === 'SEATED') y += (Number(s.rows) || 0) + ROW_GAP;
        return placed;
      });
    },
    get preview() {
      const seats = []; const labels = []; let width = 10; let height = 4;
      this.layout().filter((s) => s.kind === 'SEATED').forEach((s) => {
        const rows = Math.min(Number(s.rows) || 0, 200); const per = Math.min(Number(s.seatsPerRow) || 0, 500);
        labels.push({ x: 0, y: s.originY - 0.8, text: s.name });
        for (let r = 0; r < rows; r++) for (let n = 0; n < per && seats.length < 20000; n++) seats.push({ x: n, y: s.originY + r });
        width = Math.max(width, per); height = Math.max(height, s.originY + rows);
      });
      // x-for cannot repeat SVG elements, so the preview is drawn as markup (numbers and escaped names only)
      const escape = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
      const svg = seats.map((c) => `<circle cx="${c.x}" cy="${c.y}" r=".4" class="seat t0"></circle>`).join('')
        + labels.map((l) => `<text x="${l.x}" y="${l.y}" font-size="1.2">${escape(l.text)}</text>`).join('');
      return { svg, viewBox: `-2 -3 ${width + 3} ${height + 4}` };
    },
    get summary() {
      const seated = this.sections.filter((s) => s.kind === 'SEATED').reduce((n, s) => n + (s.rows || 0) * (s.seatsPerRow || 0), 0);
      const standing = this.sections.filter((s) => s.kind !== 'SEATED').reduce((n, s) => n + (s.capacity || 0), 0);
      return `${seated} seats and ${standing} standing places`;
    },
    async save() {
      this.busy = true; this.error = '';
      const sections = this.layout().map((s) => (s.kind === 'SEATED'
        ? { name: s.name, kind: 'SEATED', generator: { rows: s.rows, seatsPerRow: s.seatsPerRow, originX: 0, originY: s.originY } }
        : { name: s.name, kind: 'GENERAL_ADMISSION', capacity: s.capacity }));
      const response = await Boxoffice.api('/api/v1/venues', {
        method: 'POST', body: { name: this.name, city: this.city, address: this.address || null, sections },
      });
      this.busy = false;
      if (response.status === 201) window.location = `/box-office/events/new?venue=${response.json.id}`;
      else this.error = response.json?.detail || 'The venue could not be saved.';
    },
  }));

  const local = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

  Alpine.data('eventForm', () => ({
    title: '', performer: '', busy: false, error: '',
    startsAt: local(new Date(Date.now() + 30 * 86400000)),
    onSaleAt: local(new Date()),
    tiers: [{ name: 'Standard', price: 45 }],
    holdTtlSeconds: 600, maxTicketsPerCustomer: 8,
    queue: false, admissionRatePerMinute: 600, maxActiveShoppers: 1000,
    async save() {
      this.busy = true; this.error = '';
      const bySection = {};
      document.querySelectorAll('.section-tier').forEach((select) => {
        const tier = this.tiers[Number(select.value) || 0].name;
        (bySection[tier] = bySection[tier] || []).push(select.dataset.section);
      });
      const body = {
        venueId: this.$root.dataset.venueId,
        title: this.title,
        performer: this.performer || null,
        startsAt: new Date(this.startsAt).toISOString(),
        onSaleAt: new Date(this.onSaleAt).toISOString(),
        priceTiers: this.tiers.map((t) => ({ name: t.name, amount: Math.round(t.price * 100), currency: 'EUR' })),
        tierAssignments: Object.entries(bySection).map(([tier, sections]) => ({ tier, sections })),
        holdTtlSeconds: this.holdTtlSeconds,
        maxTicketsPerCustomer: this.maxTicketsPerCustomer,
        queue: this.queue ? { enabled: true, admissionRatePerMinute: this.admissionRatePerMinute, maxActiveShoppers: this.maxActiveShoppers } : null,
      };
      const created = await Boxoffice.api('/api/v1/events', { method: 'POST', body });
      if (created.status !== 201) { this.busy = false; this.error = created.json?.detail || 'The event could not be created.'; return; }
      const published = await Boxoffice.api(`/api/v1/events/${created.json.id}/publish`, { method: 'POST' });
      this.busy = false;
      if (published.ok) window.location = `/box-office/events/${created.json.id}`;
      else this.error = published.json?.detail || 'The event was saved as a draft but not published.';
    },
  }));

  Alpine.data('salesDashboard', () => ({
    s: null,
    orders: [],
    error: '',
    eventId: null,
    async loadOrders() {
      const response = await Boxoffice.api(`/api/v1/events/${this.eventId}/orders`);
      if (response.ok) this.orders = response.json;
    },
    async refund(order) {
      if (!window.confirm(`Refund ${this.money(order.total)}? The tickets become void and the seats go back on sale.`)) return;
      const response = await Boxoffice.api(`/api/v1/orders/${order.orderId}/refund`, { method: 'POST' });
      this.error = response.ok ? '' : (response.json?.detail || 'The refund did not go through.');
      await this.loadOrders();
    },
    init() {
      const eventId = this.$el.dataset.eventId;
      this.eventId = eventId;
      // the charts stay out of Alpine's reactive state: Chart.js must not be wrapped in proxies
      const charts = {};
      charts.stock = new Chart(document.getElementById('stock-chart'), {
        type: 'line',
        data: { labels: [], datasets: ['available', 'held', 'sold'].map((k, i) => ({ label: k, data: [], borderColor: ['#2563eb', '#d97706', '#15803d'][i] })) },
        options: { animation: false },
      });
      charts.sales = new Chart(document.getElementById('sales-chart'), {
        type: 'bar', data: { labels: [], datasets: [{ label: 'tickets', data: [], backgroundColor: '#1d4ed8' }] }, options: { animation: false },
      });
      const load = async () => {
        const response = await Boxoffice.api(`/api/v1/events/${eventId}/sales`);
        if (!response.ok) return;
        this.s = response.json;
        const at = new Date(this.s.at).toLocaleTimeString();
        charts.stock.data.labels.push(at);
        ['available', 'held', 'sold'].forEach((k, i) => charts.stock.data.datasets[i].data.push(this.s.stock[k]));
        if (charts.stock.data.labels.length > 180) { charts.stock.data.labels.shift(); charts.stock.data.datasets.forEach((d) => d.data.shift()); }
        charts.stock.update();
        charts.sales.data.labels = this.s.ticketsPerMinute.map((p) => new Date(p.minute).toLocaleTimeString());
        charts.sales.data.datasets[0].data = this.s.ticketsPerMinute.map((p) => p.tickets);
        charts.sales.update();
      };
      load();
      this.loadOrders();
      setInterval(() => { load(); this.loadOrders(); }, 2000);
    },
    money(m) { return Boxoffice.money(m.amount, m.currency); },
  }));
});
