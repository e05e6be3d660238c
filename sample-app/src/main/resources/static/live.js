// The live page: one EventSource on /feed, one card per symbol, an overview and the
// connection's timeline. Plain JavaScript and inline SVG: no library, works offline.
(function () {
	'use strict';
	var LEVELS = 10;
	var SVG = 'http://www.w3.org/2000/svg';
	var symbols = document.getElementById('symbols');

	function text(id, value) {
		document.getElementById(id).textContent = (value === null || value === undefined) ? '-' : value;
	}

	function number(value) {
		return Number(value).toLocaleString('en-US');
	}

	function duration(millis) {
		if (millis < 1000) {
			return millis + ' ms';
		}
		return (millis / 1000).toFixed(millis < 10000 ? 1 : 0) + ' s';
	}

	function span(seconds) {
		if (seconds < 60) {
			return seconds + ' s';
		}
		var minutes = Math.floor(seconds / 60);
		if (minutes < 60) {
			return minutes + ' min' + (seconds % 60 ? ' ' + (seconds % 60) + ' s' : '');
		}
		return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
	}

	// Flash an element whose value changed: only what changed, briefly.
	function flash(node, className) {
		node.classList.remove('up', 'down');
		// restart the animation when the same class comes again
		void node.offsetWidth;
		node.classList.add(className);
	}

	// A sparkline of values, oldest first, drawn to the SVG's size; the area under it
	// shaded. Options: baseline (a dashed line, drawn when within the range). Returns
	// whether the baseline was drawn.
	function sparkline(svg, values, options) {
		var width = svg.clientWidth || 300;
		var height = svg.clientHeight || 60;
		svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
		while (svg.firstChild) {
			svg.removeChild(svg.firstChild);
		}
		if (!values.length) {
			return false;
		}
		var min = Math.min.apply(null, values);
		var max = Math.max.apply(null, values);
		if (min === max) {
			min -= 1;
			max += 1;
		}
		var pad = 4;
		function x(i) {
			return values.length === 1 ? width - pad : pad + (width - 2 * pad) * i / (values.length - 1);
		}
		function y(v) {
			return pad + (height - 2 * pad) * (max - v) / (max - min);
		}
		var line = '';
		for (var i = 0; i < values.length; i++) {
			line += (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(values[i]).toFixed(1);
		}
		var baseline = options && options.baseline;
		var drawn = baseline !== undefined && baseline >= min && baseline <= max;
		if (drawn) {
			add(svg, 'line', { 'class': 'baseline', x1: 0, x2: width, y1: y(baseline), y2: y(baseline) });
		}
		add(svg, 'path', { 'class': 'area', d: line + 'L' + x(values.length - 1).toFixed(1) + ' ' + height + 'L'
			+ x(0).toFixed(1) + ' ' + height + 'Z' });
		add(svg, 'path', { 'class': 'line', d: line });
		add(svg, 'circle', { 'class': 'point', cx: x(values.length - 1), cy: y(values[values.length - 1]), r: 3 });
		return drawn;
	}

	function add(parent, name, attributes) {
		var node = document.createElementNS(SVG, name);
		Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
		parent.appendChild(node);
		return node;
	}

	function section(symbol) {
		var existing = document.querySelector('section.symbol[data-symbol="' + symbol + '"]');
		if (existing) {
			return existing;
		}
		var waiting = document.getElementById('waiting');
		if (waiting) {
			waiting.remove();
		}
		var node = document.createElement('section');
		node.className = 'symbol';
		node.dataset.symbol = symbol;
		var rows = '';
		for (var i = 0; i < LEVELS; i++) {
			rows += '<tr class="level">'
				+ '<td class="bid-volume"><span class="bar"></span><span class="qty"></span></td>'
				+ '<td class="bid-price"></td><td class="ask-price"></td>'
				+ '<td class="ask-volume"><span class="bar"></span><span class="qty"></span></td></tr>';
		}
		node.innerHTML = '<header><h2>' + symbol + '</h2><span class="market-status"></span></header>'
			+ '<div class="quote"><span class="last">-</span><span class="change"></span></div>'
			+ '<div class="day"><span class="range"></span><span class="volume"></span></div>'
			+ '<svg class="spark price-chart" aria-label="' + symbol + ' last price, recent history"></svg>'
			+ '<p class="chart-caption"><span class="chart-span"></span>'
			+ '<span class="previous-close">previous close</span></p>'
			+ '<table class="book"><thead><tr><th class="bid-volume">volume</th><th class="bid-price">bid</th>'
			+ '<th class="ask-price">ask</th><th class="ask-volume">volume</th></tr></thead>'
			+ '<tbody>' + rows + '</tbody></table>'
			+ '<p class="updated"></p>';
		var all = Array.prototype.slice.call(symbols.querySelectorAll('section.symbol'));
		var after = all.find(function (s) { return s.dataset.symbol > symbol; });
		symbols.insertBefore(node, after || null);
		return node;
	}

	function prices(rows, name) {
		var seen = {};
		rows.forEach(function (row) { seen[row.querySelector('.' + name + '-price').textContent] = true; });
		return seen;
	}

	function book(data) {
		var node = section(data.symbol);
		var rows = Array.prototype.slice.call(node.querySelectorAll('tr.level'));
		// a price is new when the side did not quote it before: when the ladder shifts by a
		// tick only the level that came in lights up, not every row
		var before = { bid: prices(rows, 'bid'), ask: prices(rows, 'ask') };
		var max = 1;
		data.bids.concat(data.asks).forEach(function (level) { max = Math.max(max, level.volume); });
		rows.forEach(function (row, i) {
			side(row, 'bid', data.bids[i] || { price: '', volume: 0 }, max, before.bid);
			side(row, 'ask', data.asks[i] || { price: '', volume: 0 }, max, before.ask);
		});
		node.querySelector('.updated').textContent = 'Updated ' + data.receivedAt
			+ (data.auction ? ' \u00b7 ' + data.auction : '');
	}

	// One side of a level: the price (flashed when the side did not quote it before) and
	// the volume as a depth bar, as wide as its share of the book's largest level.
	function side(row, name, level, max, quoted) {
		var price = row.querySelector('.' + name + '-price');
		var value = level.volume ? level.price : '';
		if (price.textContent !== value) {
			var fresh = Object.keys(quoted).length > 1 && value !== '' && !quoted[value];
			price.textContent = value;
			if (fresh) {
				flash(price, name === 'bid' ? 'up' : 'down');
			}
		}
		var volume = row.querySelector('.' + name + '-volume');
		volume.querySelector('.qty').textContent = level.volume ? number(level.volume) : '';
		// the smallest level still shows a sliver of a bar
		volume.querySelector('.bar').style.width = level.volume ? Math.max(2, 100 * level.volume / max).toFixed(1) + '%'
			: '0';
	}

	function priceInfo(data) {
		var node = section(data.symbol);
		var last = node.querySelector('.last');
		if (last.textContent !== data.last) {
			var previous = Number(last.textContent);
			last.textContent = data.last;
			if (!isNaN(previous)) {
				flash(last, Number(data.last) > previous ? 'up' : 'down');
			}
		}
		var tone = Number(data.change) === 0 ? 'flat' : Number(data.change) > 0 ? 'gain' : 'loss';
		var sign = tone === 'gain' ? '+' : '';
		var change = node.querySelector('.change');
		change.textContent = sign + data.change
			+ (data.changePercent !== null ? ' (' + sign + data.changePercent + '%)' : '');
		change.className = 'change ' + tone;
		var status = node.querySelector('.market-status');
		status.textContent = data.marketStatus;
		status.className = 'market-status ' + data.marketTone;
		node.querySelector('.range').textContent = 'day ' + data.low + ' \u2013 ' + data.high;
		node.querySelector('.volume').textContent = 'volume ' + number(data.totalVolume);
		var history = data.history.map(Number);
		var chart = node.querySelector('.price-chart');
		chart.setAttribute('class', 'spark price-chart ' + (Number(data.change) < 0 ? 'loss' : 'gain'));
		var closeShown = sparkline(chart, history, { baseline: Number(data.last) - Number(data.change) });
		node.querySelector('.previous-close').hidden = !closeShown;
		node.querySelector('.chart-span').textContent = 'last ' + span(Math.max(1, history.length - 1)) + ' \u00b7 '
			+ Math.min.apply(null, history).toFixed(2) + ' \u2013 ' + Math.max.apply(null, history).toFixed(2);
	}

	function timelineEntry(entry) {
		var item = document.createElement('li');
		item.className = 'entry ' + entry.kind;
		item.dataset.kind = entry.kind;
		var title;
		var facts = [];
		var gap = null;
		if (entry.kind === 'connected') {
			title = 'Connected';
			facts.push('first connection since start-up');
		}
		else if (entry.kind === 'rotation' || entry.kind === 'replaced') {
			title = entry.kind === 'rotation' ? 'Rotated' : 'Replaced a silent connection';
			gap = entry.gapMillis;
			facts.push(entry.detail + ' rotation, took ' + duration(entry.tookMillis));
		}
		else if (entry.kind === 'recovery') {
			title = 'Recovered';
			gap = entry.gapMillis;
			facts.push('after a lost connection');
		}
		else if (entry.kind === 'rotation-failed') {
			title = 'Rotation failed; the connection kept delivering';
			facts.push(entry.detail);
		}
		else if (entry.kind === 'attempt-failed') {
			title = 'Connection attempt failed' + (entry.count > 1 ? ' (\u00d7' + entry.count + ')' : '');
			facts.push(entry.detail);
		}
		else {
			title = 'Resubscribed a silent topic';
		}
		if (entry.epoch !== null) {
			facts.push('epoch ' + entry.epoch);
		}
		var badge = '';
		if (gap !== null) {
			badge = '<span class="gap ' + (gap === 0 ? 'none' : 'some') + '">'
				+ (gap === 0 ? 'no gap' : 'gap ' + duration(gap)) + '</span>';
		}
		item.innerHTML = '<div class="what"></div><div class="when"></div><div class="facts"></div>';
		item.querySelector('.what').textContent = title;
		item.querySelector('.what').insertAdjacentHTML('beforeend', badge);
		item.querySelector('.when').textContent = entry.at;
		item.querySelector('.facts').textContent = facts.filter(Boolean).join(' \u00b7 ');
		return item;
	}

	function gaps(count, millis) {
		if (!count) {
			return '';
		}
		return millis === 0 ? 'no gap' : (count > 1 ? 'gaps ' : 'gap ') + duration(millis);
	}

	var shownTimeline = '';

	function timeline(data) {
		var key = JSON.stringify(data.timeline) + data.nextRotation;
		if (key !== shownTimeline) {
			renderTimeline(data, shownTimeline !== '');
			shownTimeline = key;
		}
		var countdown = document.querySelector('#timeline li.upcoming .facts');
		if (countdown) {
			countdown.textContent = 'in ' + span(data.nextRotationInSeconds);
		}
	}

	function renderTimeline(data, fresh) {
		var list = document.getElementById('timeline');
		var before = list.querySelectorAll('li.entry:not(.upcoming)').length;
		list.innerHTML = '';
		if (data.nextRotation) {
			var next = document.createElement('li');
			next.className = 'entry upcoming';
			next.innerHTML = '<div class="what">Next rotation</div><div class="when"></div><div class="facts"></div>';
			next.querySelector('.when').textContent = data.nextRotation;
			list.appendChild(next);
		}
		data.timeline.forEach(function (entry, i) {
			var item = timelineEntry(entry);
			if (fresh && i < data.timeline.length - before) {
				item.classList.add('new');
			}
			list.appendChild(item);
		});
		text('rotations', data.rotations);
		text('rotation-gaps', gaps(data.rotations, data.rotationGapMillis));
		text('recoveries', data.recoveries);
		text('recovery-gaps', gaps(data.recoveries, data.recoveryGapMillis));
	}

	function status(data) {
		var state = document.getElementById('state');
		state.textContent = data.stateText;
		state.dataset.state = data.state;
		text('host', data.host);
		text('epoch', data.epoch);
		text('connected-at', data.connectedAt);
		text('next-rotation', data.nextRotation);
		text('rotation-countdown', data.nextRotationInSeconds !== undefined
			? 'in ' + span(data.nextRotationInSeconds) : null);
		text('rate', data.rate.toFixed(1));
		text('messages', number(data.messages));
		sparkline(document.getElementById('rate-chart'), data.rateHistory);
		if (data.marketHours) {
			text('market-open', data.marketOpen ? 'Open now' : 'Closed now');
			text('market-hours', 'by the trading calendar: ' + data.marketHours);
		}
		timeline(data);
	}

	var source = new EventSource('feed');
	source.onopen = function () { text('stream', 'open'); };
	source.onerror = function () { text('stream', 'reconnecting'); };
	source.addEventListener('book', function (e) { book(JSON.parse(e.data)); });
	source.addEventListener('price', function (e) { priceInfo(JSON.parse(e.data)); });
	source.addEventListener('status', function (e) { status(JSON.parse(e.data)); });
}());
