/**
 * The region map on a canvas: places, infrastructure links, residents (light), firms and
 * institutions, local ties among firms and institutions, and pipelines drawn as short
 * vermillion strokes heading off the map towards "the world", a band round the region
 * where each external partner has a fixed spot.
 *
 * It draws on an OffscreenCanvas inside the live worker (the page hands each map canvas
 * over with transferControlToOffscreen): drawing thousands of residents and ties took the
 * main thread's longest tasks, and in the worker it never blocks the page.
 */
import { KIND_STYLE } from './map-style';
import { pageMessages } from './messages';
import { MAP_COLOURS } from './palette';
import { waterMask } from './water';
import type { DynamicView, MapInfo, PlaceMarker, StaticView } from './protocol';

export class RegionMap {
  private ctx: OffscreenCanvasRenderingContext2D;
  private background?: OffscreenCanvas;
  private backgroundAge = 0;
  /** Frames the background layer is reused for before it is drawn again. */
  static readonly BACKGROUND_FRAMES = 12;
  private region?: StaticView;
  private last?: DynamicView;
  private markers: PlaceMarker[] = [];
  private scale = 1;
  private originX = 0;
  private originY = 0;
  private worldCx = 0;
  private worldCy = 0;
  private worldRx = 0;
  private worldRy = 0;
  private pixelRatio = 1;
  private cssWidth = 600;
  private cssHeight = 500;
  /** The largest place-to-place flow seen this run: line widths stay comparable over time. */
  private flowScale = 0;
  /** Larger symbols and labels for a projector. */
  projector = false;
  /** Layers the teacher can switch off (checkboxes under the map). */
  show = { ties: true, pipelines: true, flows: true, residents: true };

  constructor(private readonly canvas: OffscreenCanvas) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(pageMessages.noCanvas);
    this.ctx = ctx;
  }

  setRegion(region: StaticView): void {
    this.region = region;
    this.last = undefined;
    this.markers = [];
    this.flowScale = 0;
  }

  setMarkers(markers: PlaceMarker[]): void {
    this.markers = markers;
  }

  /** The canvas element's size on the page (CSS pixels) and the screen's device pixel ratio. */
  resize(cssWidth: number, cssHeight: number, pixelRatio: number): void {
    if (cssWidth > 0 && cssHeight > 0) { this.cssWidth = cssWidth; this.cssHeight = cssHeight; }
    if (pixelRatio > 0) this.pixelRatio = pixelRatio;
  }

  /** Fits the region (places plus a margin) and the world band into the canvas. */
  private layout(): void {
    const r = this.region!;
    const w = Math.round(this.cssWidth * this.pixelRatio), h = Math.round(this.cssHeight * this.pixelRatio);
    if (this.canvas.width !== w || this.canvas.height !== h) { this.canvas.width = w; this.canvas.height = h; }
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let p = 0; p < r.placeX.length; p++) {
      minX = Math.min(minX, r.placeX[p]); maxX = Math.max(maxX, r.placeX[p]);
      minY = Math.min(minY, r.placeY[p]); maxY = Math.max(maxY, r.placeY[p]);
    }
    const pad = Math.max(6, 0.12 * Math.max(maxX - minX, maxY - minY, 10));
    minX -= pad; maxX += pad; minY -= pad; maxY += pad;
    const band = 34 * this.pixelRatio * (this.projector ? 1.3 : 1); // room for the world band
    this.scale = Math.min((w - 2 * band) / (maxX - minX), (h - 2 * band) / (maxY - minY));
    this.originX = (w - this.scale * (maxX - minX)) / 2 - this.scale * minX;
    this.originY = (h + this.scale * (maxY - minY)) / 2 + this.scale * minY;
    this.worldCx = w / 2; this.worldCy = h / 2;
    this.worldRx = (this.scale * (maxX - minX)) / 2 + band * 0.55;
    this.worldRy = (this.scale * (maxY - minY)) / 2 + band * 0.55;
  }

  private px(xKm: number): number { return this.originX + this.scale * xKm; }
  private py(yKm: number): number { return this.originY - this.scale * yKm; } // north is up

  /** Where external partner p sits on the world band. */
  private partnerSpot(p: number): [number, number] {
    const angle = (2 * Math.PI * (p + 0.5)) / Math.max(1, this.region!.externalPartners) - Math.PI / 2;
    return [this.worldCx + this.worldRx * Math.cos(angle), this.worldCy + this.worldRy * Math.sin(angle)];
  }

  /** Draws a frame (or redraws the last one when `view` is omitted, e.g. after a resize). */
  draw(view?: DynamicView): void {
    if (view) this.last = view;
    const r = this.region, v = this.last;
    if (!r || !v) return;
    this.layout();
    const { ctx } = this;
    const k = this.pixelRatio * (this.projector ? 1.5 : 1);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.backgroundLayer(r, v, k, !view), 0, 0);
    if (this.show.ties) this.drawLocalTies(v, k);
    this.drawLinks(k);
    // Flows above the links: the bridge's band is what the lesson is about.
    if (this.show.flows) this.drawPlaceFlows(r, v, k);
    if (this.show.pipelines) this.drawPipelines(v, k);
    this.drawAgents(r, v, k);
    this.drawMarkers(k);
    this.drawPlaceLabels(k);
  }

  /**
   * The slow-changing layer (world ring, water, places, thousands of residents) drawn into
   * its own canvas and reused for BACKGROUND_FRAMES frames: residents move rarely, and
   * redrawing them every frame is most of a frame's main-thread time.
   */
  private backgroundLayer(r: StaticView, v: DynamicView, k: number, force: boolean): OffscreenCanvas {
    const bg = this.background ??= new OffscreenCanvas(this.canvas.width, this.canvas.height);
    const stale = force || this.backgroundAge >= RegionMap.BACKGROUND_FRAMES || bg.width !== this.canvas.width || bg.height !== this.canvas.height;
    this.backgroundAge = stale ? 1 : this.backgroundAge + 1;
    if (!stale) return bg;
    bg.width = this.canvas.width;
    bg.height = this.canvas.height;
    const main = this.ctx;
    const ctx = bg.getContext('2d')!;
    this.ctx = ctx;
    try {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, bg.width, bg.height);
      this.drawWorld(k);
      this.drawBarriers(r, k);
      this.drawPlaces(k);
      // Residents: light, small, underneath everything the lesson is about.
      if (this.show.residents) {
        ctx.fillStyle = MAP_COLOURS.resident;
        const dot = 1.6 * k;
        for (let i = r.firstResident; i < r.nAgents; i++) {
          if (!v.alive[i]) continue;
          ctx.fillRect(this.px(v.x[i]) - dot / 2, this.py(v.y[i]) - dot / 2, dot, dot);
        }
      }
    } finally {
      this.ctx = main;
    }
    return bg;
  }

  private drawWorld(k: number): void {
    const { ctx } = this;
    ctx.save();
    ctx.strokeStyle = '#999999';
    ctx.setLineDash([4 * k, 4 * k]);
    ctx.lineWidth = 1 * k;
    ctx.beginPath();
    ctx.ellipse(this.worldCx, this.worldCy, this.worldRx, this.worldRy, 0, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#555555';
    ctx.font = `${11 * k}px sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('the world (external partners)', 6 * this.pixelRatio, 6 * this.pixelRatio);
    ctx.restore();
  }

  /** Place discs, sized by population but never wider than the gap to the nearest place. */
  private placeRadii(k: number): number[] {
    const r = this.region!, P = r.placeX.length;
    const maxPop = Math.max(...r.placePopulation);
    return Array.from({ length: P }, (_, p) => {
      let gap = Infinity;
      for (let q = 0; q < P; q++) {
        if (q !== p) gap = Math.min(gap, Math.hypot(this.px(r.placeX[p]) - this.px(r.placeX[q]), this.py(r.placeY[p]) - this.py(r.placeY[q])));
      }
      return Math.min((6 + 26 * Math.sqrt(r.placePopulation[p] / maxPop)) * k, Math.max(4 * k, 0.45 * gap));
    });
  }

  private drawPlaces(k: number): void {
    const r = this.region!, { ctx } = this;
    const radii = this.placeRadii(k);
    ctx.lineWidth = 1 * k;
    for (let p = 0; p < r.placeX.length; p++) {
      ctx.beginPath();
      ctx.arc(this.px(r.placeX[p]), this.py(r.placeY[p]), radii[p], 0, 2 * Math.PI);
      ctx.fillStyle = MAP_COLOURS.place;
      ctx.fill();
      ctx.strokeStyle = '#bbbbbb';
      ctx.stroke();
    }
  }

  /** Infrastructure links: black lines in a white casing, above ties and flows. */
  private drawLinks(k: number): void {
    const r = this.region!, v = this.last!, { ctx } = this;
    ctx.save();
    ctx.lineCap = 'round';
    for (const [colour, width] of [['#ffffff', 8], [MAP_COLOURS.link, 4]] as const) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width * k;
      for (const link of v.links) {
        ctx.beginPath();
        ctx.moveTo(this.px(r.placeX[link.from]), this.py(r.placeY[link.from]));
        ctx.lineTo(this.px(r.placeX[link.to]), this.py(r.placeY[link.to]));
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  /**
   * Water or a mountain between places a scenario's barrier separates: a pale blue band on
   * the boundary between them (see water.ts), computed on a coarse grid and scaled up
   * smoothly. Drawn into the background layer, so it costs nothing per frame.
   */
  private drawBarriers(r: StaticView, k: number): void {
    if (r.barriers.length === 0) return;
    const cell = Math.max(2, Math.round(3 * k));
    const cols = Math.ceil(this.canvas.width / cell), rows = Math.ceil(this.canvas.height / cell);
    const x = Array.from(r.placeX, (v) => this.px(v)), y = Array.from(r.placeY, (v) => this.py(v));
    const mask = waterMask(x, y, r.barriers, cols, rows, cell);
    const small = new OffscreenCanvas(cols, rows);
    const image = new ImageData(cols, rows);
    const [red, green, blue] = [1, 3, 5].map((n) => parseInt(MAP_COLOURS.water.slice(n, n + 2), 16));
    for (let c = 0; c < mask.length; c++) {
      if (!mask[c]) continue;
      image.data.set([red, green, blue, 255], 4 * c);
    }
    small.getContext('2d')!.putImageData(image, 0, 0);
    this.ctx.save();
    this.ctx.imageSmoothingEnabled = true;
    this.ctx.imageSmoothingQuality = 'high';
    this.ctx.drawImage(small, 0, 0, cols * cell, rows * cell);
    this.ctx.restore();
  }

  /**
   * Place names last, so nothing hides them. Each goes below its disc, else above, right or
   * left, whichever first overlaps no label placed before it (largest places first).
   */
  private drawPlaceLabels(k: number): void {
    const r = this.region!, { ctx } = this;
    const radii = this.placeRadii(k);
    const size = 12 * k;
    ctx.save();
    ctx.font = `bold ${size}px sans-serif`;
    type Box = [number, number, number, number];
    const placed: Box[] = [];
    // Other places' discs are obstacles too: a name must not sit on a neighbour.
    const discs: Box[] = r.placeNames.map((_, p) => {
      const x = this.px(r.placeX[p]), y = this.py(r.placeY[p]);
      return [x - radii[p], y - radii[p], x + radii[p], y + radii[p]];
    });
    const area = (b: Box, q: Box) => Math.max(0, Math.min(b[2], q[2]) - Math.max(b[0], q[0])) * Math.max(0, Math.min(b[3], q[3]) - Math.max(b[1], q[1]));
    let current = -1;
    const overlaps = (b: Box) => placed.reduce((n, q) => n + area(b, q), 0) + discs.reduce((n, q, p) => n + (p === current ? 0 : area(b, q)), 0);
    const order = [...r.placeNames.keys()].sort((a, b) => r.placePopulation[b] - r.placePopulation[a] || a - b);
    for (const p of order) {
      current = p;
      const w = ctx.measureText(r.placeNames[p]).width, h = size * 1.1;
      const x = this.px(r.placeX[p]), y = this.py(r.placeY[p]), gap = radii[p] + 2 * k;
      const candidates: [number, number][] = [[x, y + gap + h / 2], [x, y - gap - h / 2], [x + gap + w / 2, y], [x - gap - w / 2, y]];
      let best = candidates[0], bestOverlap = Infinity;
      for (const [cx, cy] of candidates) {
        const box: Box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
        const o = overlaps(box) + (box[0] < 0 || box[2] > this.canvas.width || box[1] < 0 || box[3] > this.canvas.height ? w * h : 0);
        if (o < bestOverlap) { best = [cx, cy]; bestOverlap = o; }
        if (o === 0) break;
      }
      placed.push([best[0] - w / 2, best[1] - h / 2, best[0] + w / 2, best[1] + h / 2]);
      this.label(r.placeNames[p], best[0], best[1], 'middle', size, '#222222');
    }
    ctx.restore();
  }

  /** Where the largest place's centre is drawn, in CSS pixels within the canvas. */
  largestPlaceCentre(): [number, number] | undefined {
    const r = this.region;
    if (!r) return undefined;
    const p = r.placePopulation.indexOf(Math.max(...r.placePopulation));
    return [this.px(r.placeX[p]) / this.pixelRatio, this.py(r.placeY[p]) / this.pixelRatio];
  }

  /**
   * What is under a click (CSS pixels within the canvas): the nearest firm or institution
   * within 8 px, else the place whose disc holds the point, else the nearest place.
   */
  hit(cssX: number, cssY: number): { agent: number } | { place: number } | undefined {
    const r = this.region, v = this.last;
    if (!r || !v) return undefined;
    const x = cssX * this.pixelRatio, y = cssY * this.pixelRatio;
    let best = -1, bestD = (8 * this.pixelRatio) ** 2;
    for (let i = 0; i < r.firstResident; i++) {
      if (!v.alive[i]) continue;
      const d = (this.px(v.x[i]) - x) ** 2 + (this.py(v.y[i]) - y) ** 2;
      if (d < bestD) { best = i; bestD = d; }
    }
    if (best >= 0) return { agent: best };
    let place = -1, placeD = Infinity;
    for (let p = 0; p < r.placeX.length; p++) {
      const d = Math.hypot(this.px(r.placeX[p]) - x, this.py(r.placeY[p]) - y);
      if (d < placeD) { place = p; placeD = d; }
    }
    return place >= 0 ? { place } : undefined;
  }

  /** Bold text with a white halo, readable over ties and dots. */
  private label(text: string, x: number, y: number, baseline: CanvasTextBaseline, size: number, colour: string): void {
    const { ctx } = this;
    ctx.save();
    ctx.font = `bold ${size}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = baseline;
    ctx.lineWidth = size / 4;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = colour;
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
    ctx.restore();
  }

  /** Local ties, batched into four strength classes (one path each keeps this fast). */
  private drawLocalTies(v: DynamicView, k: number): void {
    const { ctx } = this;
    ctx.strokeStyle = MAP_COLOURS.localTie;
    ctx.lineWidth = 0.8 * k;
    for (let band = 0; band < 4; band++) {
      const lo = band / 4, hi = (band + 1) / 4;
      ctx.globalAlpha = 0.12 + 0.22 * band;
      ctx.beginPath();
      for (let n = 0; n < v.tieFrom.length; n++) {
        const s = v.tieStrength[n];
        if (s < lo || (s >= hi && band < 3)) continue;
        const a = v.tieFrom[n], b = v.tieTo[n];
        ctx.moveTo(this.px(v.x[a]), this.py(v.y[a]));
        ctx.lineTo(this.px(v.x[b]), this.py(v.y[b]));
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** Tacit flow between two places (both directions): a band whose width grows with the flow. */
  private drawPlaceFlows(r: StaticView, v: DynamicView, k: number): void {
    const { ctx } = this, P = r.placeX.length;
    for (let p = 0; p < P; p++) for (let q = p + 1; q < P; q++) this.flowScale = Math.max(this.flowScale, v.placeFlow[p * P + q] + v.placeFlow[q * P + p]);
    if (this.flowScale <= 0) return;
    ctx.save();
    ctx.strokeStyle = MAP_COLOURS.placeFlow;
    ctx.globalAlpha = 0.55;
    ctx.lineCap = 'round';
    for (let p = 0; p < P; p++) {
      for (let q = p + 1; q < P; q++) {
        const share = (v.placeFlow[p * P + q] + v.placeFlow[q * P + p]) / this.flowScale;
        if (share < 0.01) continue;
        ctx.lineWidth = (1 + 14 * Math.sqrt(share)) * k;
        ctx.beginPath();
        ctx.moveTo(this.px(r.placeX[p]), this.py(r.placeY[p]));
        ctx.lineTo(this.px(r.placeX[q]), this.py(r.placeY[q]));
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  /** Pipelines: a short stroke from the holder towards its partner's spot, and the spot lit. */
  private drawPipelines(v: DynamicView, k: number): void {
    const { ctx } = this;
    ctx.strokeStyle = MAP_COLOURS.pipeline;
    ctx.fillStyle = MAP_COLOURS.pipeline;
    ctx.lineWidth = 1.6 * k;
    ctx.beginPath();
    const lit = new Set<number>();
    for (let n = 0; n < v.pipeFrom.length; n++) {
      const a = v.pipeFrom[n];
      const x = this.px(v.x[a]), y = this.py(v.y[a]);
      const [wx, wy] = this.partnerSpot(v.pipePartner[n]);
      const dx = wx - x, dy = wy - y, len = Math.hypot(dx, dy) || 1;
      const stroke = (10 + 16 * v.pipeStrength[n]) * k;
      ctx.moveTo(x, y);
      ctx.lineTo(x + (dx / len) * stroke, y + (dy / len) * stroke);
      lit.add(v.pipePartner[n]);
    }
    ctx.stroke();
    for (const p of lit) {
      const [wx, wy] = this.partnerSpot(p);
      ctx.beginPath();
      ctx.arc(wx, wy, 2.6 * k, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  private drawAgents(r: StaticView, v: DynamicView, k: number): void {
    const { ctx } = this;
    ctx.fillStyle = MAP_COLOURS.firm;
    ctx.beginPath();
    const firm = 2.2 * k;
    for (let i = 0; i < r.firstInstitution; i++) {
      if (!v.alive[i]) continue;
      const x = this.px(v.x[i]), y = this.py(v.y[i]);
      ctx.moveTo(x + firm, y);
      ctx.arc(x, y, firm, 0, 2 * Math.PI);
    }
    ctx.fill();
    // Members of a group (cluster organisation, creative space, intermediary): a black ring.
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 1 * k;
    ctx.beginPath();
    for (let i = 0; i < r.nAgents; i++) {
      if (v.group[i] < 0 || !v.alive[i] || (i >= r.firstInstitution && i < r.firstResident)) continue;
      const x = this.px(v.x[i]), y = this.py(v.y[i]), ring = (i < r.firstInstitution ? 3.6 : 2.6) * k;
      ctx.moveTo(x + ring, y);
      ctx.arc(x, y, ring, 0, 2 * Math.PI);
    }
    ctx.stroke();
    ctx.lineWidth = 1.2 * k;
    for (let i = r.firstInstitution; i < r.firstResident; i++) {
      const style = KIND_STYLE[r.kind[i]];
      if (!style || !v.alive[i]) continue;
      this.symbol(style.shape, this.px(v.x[i]), this.py(v.y[i]), 6 * k, style.colour);
    }
  }

  private symbol(shape: string, x: number, y: number, size: number, colour: string): void {
    const { ctx } = this;
    ctx.beginPath();
    if (shape === 'square') ctx.rect(x - size / 2, y - size / 2, size, size);
    else if (shape === 'diamond') {
      ctx.moveTo(x, y - size * 0.7); ctx.lineTo(x + size * 0.7, y); ctx.lineTo(x, y + size * 0.7); ctx.lineTo(x - size * 0.7, y);
    } else if (shape === 'triangle') {
      ctx.moveTo(x, y - size * 0.7); ctx.lineTo(x + size * 0.65, y + size * 0.5); ctx.lineTo(x - size * 0.65, y + size * 0.5);
    } else {
      for (let n = 0; n < 10; n++) {
        const rad = n % 2 === 0 ? size * 0.75 : size * 0.32, a = (Math.PI * n) / 5 - Math.PI / 2;
        if (n === 0) ctx.moveTo(x + rad * Math.cos(a), y + rad * Math.sin(a));
        else ctx.lineTo(x + rad * Math.cos(a), y + rad * Math.sin(a));
      }
    }
    ctx.closePath();
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.stroke();
  }

  /** Seats of policies (cluster organisation, creative space): a dashed ring and a label. */
  private drawMarkers(k: number): void {
    const r = this.region!, { ctx } = this;
    const perPlace = new Map<number, number>();
    for (const m of this.markers) {
      const nth = perPlace.get(m.place) ?? 0;
      perPlace.set(m.place, nth + 1);
      const x = this.px(r.placeX[m.place]), y = this.py(r.placeY[m.place]);
      const radius = (30 + 7 * nth) * k;
      ctx.save();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 2 * k;
      ctx.setLineDash([5 * k, 3 * k]);
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.restore();
      this.label(m.label, x, y - radius - 2 * k - nth * 13 * k, 'bottom', 11 * k, '#000000');
    }
  }

  /** What the page shows about the last frame drawn. */
  info(): MapInfo {
    return { summary: this.summary(), placeCentre: this.largestPlaceCentre(), links: this.last?.links.length ?? 0, pipelines: this.last?.pipeFrom.length ?? 0 };
  }

  /** A one-line description of what is on the map (the canvas's accessible name). */
  summary(): string {
    const r = this.region, v = this.last;
    if (!r || !v) return 'Map: not loaded';
    let firms = 0;
    for (let i = 0; i < r.firstInstitution; i++) firms += v.alive[i];
    return `Map of ${r.placeNames.length} places: ${firms} live firms, ${r.firstResident - r.firstInstitution} institutions, ` +
      `${r.nAgents - r.firstResident} residents, ${v.tieFrom.length} local ties among firms and institutions, ` +
      `${v.pipeFrom.length} pipelines to the world, ${v.links.length} infrastructure links.`;
  }
}
