// The live page: one EventSource on /feed, one section per symbol.
(function () {
	'use strict';
	var LEVELS = 10;
	var symbols = document.getElementById('symbols');

	function text(id, value) {
		document.getElementById(id).textContent = (value === null || value === undefined) ? '-' : value;
	}

	function time(iso) {
		return iso ? new Date(iso).toLocaleTimeString() : null;
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
			rows += '<tr class="level"><td class="bid-volume"></td><td class="bid-price"></td>'
				+ '<td class="ask-price"></td><td class="ask-volume"></td></tr>';
		}
		node.innerHTML = '<h2>' + symbol + ' <span class="last">-</span> <small class="change"></small></h2>'
			+ '<div class="info"><small class="market-status"></small> <small class="volume"></small></div>'
			+ '<table class="book"><thead><tr><th>bid vol</th><th>bid</th><th>ask</th><th>ask vol</th></tr></thead>'
			+ '<tbody>' + rows + '</tbody></table>';
		var all = Array.prototype.slice.call(symbols.querySelectorAll('section.symbol'));
		var after = all.find(function (s) { return s.dataset.symbol > symbol; });
		symbols.insertBefore(node, after || null);
		return node;
	}

	function cell(td, value) {
		if (td.textContent !== value) {
			td.textContent = value;
			td.classList.add('changed');
			setTimeout(function () { td.classList.remove('changed'); }, 400);
		}
	}

	function volume(level) {
		return level.volume ? level.volume.toLocaleString('en-US') : '';
	}

	function price(level) {
		return level.volume ? level.price : '';
	}

	function book(data) {
		var rows = section(data.symbol).querySelectorAll('tr.level');
		for (var i = 0; i < rows.length; i++) {
			var bid = data.bids[i] || { price: '', volume: 0 };
			var ask = data.asks[i] || { price: '', volume: 0 };
			cell(rows[i].querySelector('.bid-volume'), volume(bid));
			cell(rows[i].querySelector('.bid-price'), price(bid));
			cell(rows[i].querySelector('.ask-price'), price(ask));
			cell(rows[i].querySelector('.ask-volume'), volume(ask));
		}
	}

	function priceInfo(data) {
		var node = section(data.symbol);
		node.querySelector('.last').textContent = data.last;
		node.querySelector('.change').textContent = (data.change.charAt(0) === '-' ? '' : '+') + data.change;
		node.querySelector('.market-status').textContent = data.marketStatus;
		node.querySelector('.volume').textContent = 'volume ' + data.totalVolume.toLocaleString('en-US');
	}

	function status(data) {
		text('state', data.state);
		document.getElementById('state').className = data.state;
		text('epoch', data.epoch);
		text('connected-at', time(data.connectedAt));
		text('next-rotation', time(data.nextRotation));
	}

	var source = new EventSource('feed');
	source.onopen = function () { text('stream', 'open'); };
	source.onerror = function () { text('stream', 'reconnecting'); };
	source.addEventListener('book', function (e) { book(JSON.parse(e.data)); });
	source.addEventListener('price', function (e) { priceInfo(JSON.parse(e.data)); });
	source.addEventListener('status', function (e) { status(JSON.parse(e.data)); });
}());
