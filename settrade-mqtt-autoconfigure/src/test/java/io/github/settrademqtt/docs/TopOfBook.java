package io.github.settrademqtt.docs;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

@Component
class TopOfBook implements BidOfferListener {

	private static final Log logger = LogFactory.getLog(TopOfBook.class);

	@Override
	public void onBidOffer(BidOffer book) {
		logger.info(book.symbol() + " " + book.bestBid().price() + " / " + book.bestAsk().price());
	}

}
